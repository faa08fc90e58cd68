import { CompletionError, type CallOptions, type Warning } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import {
  atBatchEntry,
  batchReader,
  createBatchJob,
  validateBatchEntries,
  validateBatchId,
  type BatchEntry,
  type BatchJob,
  type BatchProvider,
  type BatchResult,
} from '@rig-ts/core/batch';
import type { HttpTransport } from '@rig-ts/http';
import {
  OpenAIChatModel,
  type OpenAIChatRawResponse,
  type OpenAIResponsesModel,
  type OpenAIResponsesRawResponse,
} from '@rig-ts/openai-wire';
import { readJsonLines } from '@rig-ts/streaming/internal';
import type { OpenAIBatch, OpenAIBatchInputLine, OpenAIFile } from './openai-batch-api-types.js';
import { convertOpenAIBatchLine } from './convert-openai-batch-line.js';
import { mapOpenAIBatch } from './map-openai-batch.js';

/** Options of {@link submitBatch}: the batch's metadata, and the call options of its upload and create requests. */
export interface OpenAISubmitBatchOptions extends CallOptions {
  /** Up to 16 pairs; keys up to 64 characters, values up to 512 (OpenAI's limits, checked before anything is sent). */
  metadata?: { [key: string]: string };
}

/** OpenAI's limits on one batch. */
export const OPENAI_BATCH_LIMITS = {
  maxRequests: 50_000,
  maxInputBytes: 200 * 1024 * 1024,
  maxMetadataPairs: 16,
  maxMetadataKeyLength: 64,
  maxMetadataValueLength: 512,
  /** The only completion window OpenAI accepts. */
  completionWindow: '24h',
} as const;

type Endpoint = '/v1/responses' | '/v1/chat/completions';

/** The raw response type of a model's batch results. */
export type OpenAIBatchRaw<Model> = Model extends OpenAIChatModel ? OpenAIChatRawResponse : OpenAIResponsesRawResponse;

function checkMetadata(metadata: unknown): void {
  if (metadata === undefined) return;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    throw invalidRequest('metadata must be an object of string values', 'metadata');
  const entries = Object.entries(metadata);
  const limits = OPENAI_BATCH_LIMITS;
  if (entries.length > limits.maxMetadataPairs)
    throw invalidRequest(
      `OpenAI batch metadata takes at most ${limits.maxMetadataPairs} pairs (got ${entries.length})`,
      'metadata',
    );
  for (const [key, value] of entries) {
    if (key.length > limits.maxMetadataKeyLength)
      throw invalidRequest(
        `OpenAI batch metadata keys are at most ${limits.maxMetadataKeyLength} characters: ${JSON.stringify(key.slice(0, 80))}…`,
        `metadata.${key}`,
      );
    if (typeof value !== 'string' || value.length > limits.maxMetadataValueLength) {
      throw invalidRequest(
        `OpenAI batch metadata values are strings of at most ${limits.maxMetadataValueLength} characters (${JSON.stringify(key)})`,
        `metadata.${key}`,
      );
    }
  }
}

function endpointOf(batch: OpenAIBatch): Endpoint {
  if (batch.endpoint === '/v1/responses' || batch.endpoint === '/v1/chat/completions') return batch.endpoint;
  throw invalidRequest(
    `OpenAI batch ${batch.id} is for ${batch.endpoint}; @rig-ts/openai/batch reads /v1/responses and /v1/chat/completions batches`,
    'id',
  );
}

const readBatch = batchReader(mapOpenAIBatch, 'OpenAI sent a batch');

/** The batch endpoints of OpenAI for one job: `endpoint` picks the parser, `warnings` come from submitting it. */
function openAIBatchProvider<Raw>(
  transport: HttpTransport,
  endpoint: Endpoint,
  warnings?: ReadonlyMap<string, readonly Warning[]>,
): BatchProvider<Raw> {
  const { provider, parseError } = transport.settings;
  return {
    name: provider,
    retrieve: (id, options) => readBatch(transport, 'GET', `/batches/${encodeURIComponent(id)}`, options),
    cancel: (id, options) => readBatch(transport, 'POST', `/batches/${encodeURIComponent(id)}/cancel`, options),
    async *results(_id, snapshot, options) {
      const batch = snapshot.raw as OpenAIBatch;
      // The output file holds the answered requests, the error file the others (failed lines, expired ones).
      for (const [kind, fileId] of [
        ['output', batch.output_file_id],
        ['error', batch.error_file_id],
      ] as const) {
        if (typeof fileId !== 'string' || fileId === '') continue;
        const headers = { accept: 'application/binary', ...options.headers };
        // Any content type: the file is JSON lines whatever OpenAI labels it (a failed download is an HTTP error).
        const call = await transport.requestStream(
          'GET',
          `/files/${encodeURIComponent(fileId)}/content`,
          undefined,
          { ...options, headers },
          { contentTypes: [''] },
        );
        for await (const line of readJsonLines(call, { what: `the ${provider} batch ${kind} file ${fileId}` })) {
          yield convertOpenAIBatchLine(line, { endpoint, provider, parseError, warnings }) as BatchResult<Raw>;
        }
      }
    },
  };
}

/**
 * Submits `entries` as one OpenAI batch: writes one JSONL line per request (the body the model would send alone, to
 * `/v1/responses` or `/v1/chat/completions` as the model's API is), uploads it through the Files API (`purpose:
 * batch`), and creates the batch with a 24 h window. Ids, metadata, the single model and the size limits are checked
 * before anything is sent. The create request is not retried (a resent create could start a second, billed batch)
 * unless `maxRetries` says so; the upload is.
 *
 * ```ts
 * const model = openai.Client.fromEnv().completionModel('gpt-4o-mini');
 * const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('Classify: …').build() }]);
 * await job.wait({ pollIntervalMs: 30_000 });
 * for await (const result of job.results()) if (result.ok) console.log(result.id, result.response.choice);
 * ```
 * @throws {CompletionError} of kind `request` for invalid entries or options, before any request.
 */
export async function submitBatch<Model extends OpenAIResponsesModel | OpenAIChatModel>(
  model: Model,
  entries: readonly BatchEntry[],
  options: OpenAISubmitBatchOptions = {},
): Promise<BatchJob<OpenAIBatchRaw<Model>>> {
  const { metadata, ...callOptions } = options;
  validateBatchEntries(entries, { provider: 'OpenAI', maxRequests: OPENAI_BATCH_LIMITS.maxRequests });
  checkMetadata(metadata);
  const endpoint: Endpoint = model instanceof OpenAIChatModel ? '/v1/chat/completions' : '/v1/responses';
  const warnings = new Map<string, readonly Warning[]>();
  let modelId: string | undefined;
  const lines = entries.map((entry, index) => {
    const { body, warnings: entryWarnings } = atBatchEntry(index, () => model.requestBody(entry.request, false));
    modelId ??= body.model;
    if (body.model !== modelId) {
      throw invalidRequest(
        `entries[${index}] asks for model ${body.model} after ${modelId}: an OpenAI batch runs one model`,
        `entries[${index}].request.model`,
      );
    }
    if (entryWarnings.length > 0) warnings.set(entry.id, entryWarnings);
    const line: OpenAIBatchInputLine = { custom_id: entry.id, method: 'POST', url: endpoint, body };
    return JSON.stringify(line);
  });
  const file = new Blob([lines.join('\n'), '\n'], { type: 'application/jsonl' });
  if (file.size > OPENAI_BATCH_LIMITS.maxInputBytes) {
    throw invalidRequest(
      `the OpenAI batch input file would be ${file.size} bytes, more than the ${OPENAI_BATCH_LIMITS.maxInputBytes} a batch takes: split it`,
      'entries',
    );
  }
  const transport = model.transport;
  const form = new FormData();
  form.append('purpose', 'batch');
  form.append('file', file, 'batch.jsonl');
  const uploaded = await transport.requestJson<OpenAIFile>('POST', '/files', form, callOptions);
  const fileId = uploaded.body?.id;
  if (typeof fileId !== 'string' || fileId === '') {
    throw new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: `OpenAI answered the batch file upload without a file id: ${JSON.stringify(uploaded.body)?.slice(0, 200)}`,
    });
  }
  const create: { [field: string]: unknown } = {
    input_file_id: fileId,
    endpoint,
    completion_window: OPENAI_BATCH_LIMITS.completionWindow,
  };
  if (metadata !== undefined) create.metadata = metadata;
  const snapshot = await readBatch(transport, 'POST', '/batches', { maxRetries: 0, ...callOptions }, create);
  const batch = snapshot.raw as OpenAIBatch;
  return createBatchJob(openAIBatchProvider<OpenAIBatchRaw<Model>>(transport, endpoint, warnings), batch.id, snapshot);
}

/**
 * The OpenAI batch `id` (a `/v1/responses` or `/v1/chat/completions` one), read now: resumes a job after a restart.
 * Results read after a resume carry no request warnings (they were known only when submitting).
 * @throws {CompletionError} of kind `request` for an id that is not one, or a batch of another endpoint.
 */
export async function getBatch(
  client: { readonly transport: HttpTransport },
  id: string,
  options: CallOptions = {},
): Promise<BatchJob<OpenAIResponsesRawResponse | OpenAIChatRawResponse>> {
  validateBatchId('OpenAI', id);
  const transport = client.transport;
  const snapshot = await readBatch(transport, 'GET', `/batches/${encodeURIComponent(id)}`, options);
  const batch = snapshot.raw as OpenAIBatch;
  return createBatchJob(openAIBatchProvider(transport, endpointOf(batch)), batch.id, snapshot);
}
