import { CompletionError, type CallOptions, type Warning } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import {
  atBatchEntry,
  batchReader,
  createBatchJob,
  unsentMetadataWarnings,
  validateBatchEntries,
  validateBatchId,
  type BatchEntry,
  type BatchJob,
  type BatchProvider,
  type BatchResult,
} from '@rig-ts/core/batch';
import type { HttpTransport } from '@rig-ts/http';
import { readJsonLines } from '@rig-ts/streaming/internal';
import type { GeminiResponse } from '../gemini-api-types.js';
import type { GeminiCompletionModel } from '../gemini-completion-model.js';
import type { GeminiBatchFileLine, GeminiBatchOperation, GeminiInlinedResponse } from './gemini-batch-api-types.js';
import { convertGeminiBatchResult } from './convert-gemini-batch-result.js';
import { mapGeminiBatch } from './map-gemini-batch.js';

/** Options of {@link submitBatch}: the batch's name and input, and the call options of its requests. */
export interface GeminiSubmitBatchOptions extends CallOptions {
  /** The batch's `displayName` (Gemini requires one). @default 'rig-ts batch of <n> requests' */
  displayName?: string;
  /**
   * How the requests go: `inline` in the create request (under 20 MB in all), a JSONL `file` uploaded through the
   * Files API (up to 2 GB), or `auto`: inline when they fit, else a file.
   * @default 'auto'
   */
  input?: 'auto' | 'inline' | 'file';
  /** Gemini batches take no metadata: given, it is not sent, and the job's `warnings` say so. */
  metadata?: { [key: string]: string };
}

/** Gemini's limits on one batch. */
export const GEMINI_BATCH_LIMITS = {
  /** Inline requests must stay under 20 MB in all (counted as the create request's bytes). */
  maxInlineBytes: 20_000_000,
  maxFileBytes: 2 * 1024 * 1024 * 1024,
} as const;

/** What reading results needs from submitting the batch: the ids in input order, the warnings by id. */
interface ResultsContext {
  ids?: readonly string[];
  warnings?: ReadonlyMap<string, readonly Warning[]>;
}

/** `/batches/<id>` for a batch name (`batches/<id>`) or a bare id. */
function batchPath(name: string): string {
  const id = name.startsWith('batches/') ? name.slice('batches/'.length) : name;
  validateBatchId('Gemini', id);
  return `/batches/${encodeURIComponent(id)}`;
}

/** The origin-relative path of a Files API URL: `upload` or `download` put before the base URL's path (`/v1beta`). */
function filesURL(transport: HttpTransport, service: 'upload' | 'download', path: string): string {
  const base = new URL(transport.url(''));
  return `${base.origin}/${service}${base.pathname.replace(/\/+$/, '')}${path}`;
}

function keyOf(metadata: unknown): string | undefined {
  const key = (metadata as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

const readBatch = batchReader(mapGeminiBatch, 'Gemini sent a batch');

function geminiBatchProvider(transport: HttpTransport, context: ResultsContext): BatchProvider<GeminiResponse> {
  const warningsOf = (id: string) => context.warnings?.get(id);
  return {
    name: transport.settings.provider,
    retrieve: (id, options) => readBatch(transport, 'GET', batchPath(id), options),
    async cancel(id, options) {
      await transport.requestJson('POST', `${batchPath(id)}:cancel`, undefined, options);
      return readBatch(transport, 'GET', batchPath(id), options);
    },
    async *results(id, snapshot, options) {
      const operation = snapshot.raw as GeminiBatchOperation;
      const output = operation.response ?? operation.metadata?.output;
      const inlined = output?.inlinedResponses as
        GeminiInlinedResponse[] | { inlinedResponses?: GeminiInlinedResponse[] } | undefined;
      if (inlined !== undefined) {
        // Inline responses come back in input order; Gemini may or may not echo each request's metadata.key.
        const responses = Array.isArray(inlined) ? inlined : (inlined.inlinedResponses ?? []);
        const inputs = operation.metadata?.inputConfig?.requests?.requests;
        for (const [index, entry] of responses.entries()) {
          const key =
            keyOf(entry?.metadata) ?? context.ids?.[index] ?? keyOf(inputs?.[index]?.metadata) ?? String(index);
          yield convertGeminiBatchResult(key, entry ?? {}, warningsOf(key));
        }
        return;
      }
      const file = output?.responsesFile;
      if (file === undefined) return;
      if (typeof file !== 'string' || !/^files\/[A-Za-z0-9_.-]+$/.test(file)) {
        throw new CompletionError({
          kind: 'response',
          reason: 'malformed',
          message: `Gemini batch ${id} names a results file rig-ts will not read: ${JSON.stringify(file)?.slice(0, 200)}`,
        });
      }
      const call = await transport.requestStream(
        'GET',
        filesURL(transport, 'download', `/${file}:download?alt=media`),
        undefined,
        options,
        { contentTypes: [''] },
      );
      let position = 0;
      for await (const value of readJsonLines(call, { what: `the results file ${file} of Gemini batch ${id}` })) {
        const line = value as GeminiBatchFileLine;
        const key = keyOf(line) ?? context.ids?.[position];
        if (typeof value !== 'object' || value === null || key === undefined) {
          throw new CompletionError({
            kind: 'response',
            reason: 'malformed',
            message: `Gemini sent a batch result line without a key: ${JSON.stringify(value)?.slice(0, 200)}`,
          });
        }
        position++;
        yield convertGeminiBatchResult(key, line, warningsOf(key)) satisfies BatchResult<GeminiResponse>;
      }
    },
  };
}

/** Uploads `file` through the Files API's resumable protocol; resolves with its name (`files/…`). */
async function uploadFile(
  transport: HttpTransport,
  file: Blob,
  displayName: string,
  options: CallOptions,
): Promise<string> {
  const start = filesURL(transport, 'upload', '/files');
  const headers = {
    'x-goog-upload-protocol': 'resumable',
    'x-goog-upload-command': 'start',
    'x-goog-upload-header-content-length': String(file.size),
    'x-goog-upload-header-content-type': file.type,
  };
  const call = await transport.requestStream(
    'POST',
    start,
    { file: { displayName } },
    { ...options, headers: { ...options.headers, ...headers } },
    { contentTypes: [''] },
  );
  const uploadURL = call.headers.get('x-goog-upload-url');
  await new Response(call.body).arrayBuffer().finally(() => call.settle());
  if (uploadURL === null || uploadURL === '') {
    throw new CompletionError({
      kind: 'response',
      reason: 'unexpected',
      message: `Gemini answered the start of the batch file upload without an x-goog-upload-url header`,
    });
  }
  const finalize = { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' };
  const uploaded = await transport.requestJson<{ file?: { name?: unknown } }>(
    'POST',
    new URL(uploadURL, start).href,
    file,
    { ...options, headers: { ...options.headers, ...finalize } },
  );
  const name = uploaded.body?.file?.name;
  if (typeof name !== 'string' || name === '') {
    throw new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: `Gemini answered the batch file upload without a file name: ${JSON.stringify(uploaded.body)?.slice(0, 200)}`,
    });
  }
  return name;
}

/**
 * Submits `entries` as one Gemini batch (`models/{model}:batchGenerateContent`): each request is the exact
 * `generateContent` body the model sends alone, sent inline with `metadata: { key: id }` when the whole fits under
 * 20 MB, else as a JSONL file of `{ key, request }` lines uploaded through the Files API. Every request must use the
 * batch's model. The create request is not retried (Gemini documents it as not idempotent: a resent create starts a
 * second batch) unless `maxRetries` says so.
 *
 * Inline results are tied to their requests by position (Gemini returns them in input order), or by `metadata.key`
 * when Gemini echoes it; file results by their `key`.
 *
 * ```ts
 * const model = gemini.Client.fromEnv().completionModel('gemini-2.5-flash');
 * const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('Classify: …').build() }]);
 * await job.wait({ pollIntervalMs: 60_000 });
 * for await (const result of job.results()) if (result.ok) console.log(result.id, result.response.choice);
 * ```
 * @throws {CompletionError} of kind `request` for invalid entries or sizes, before any request.
 */
export async function submitBatch(
  model: GeminiCompletionModel,
  entries: readonly BatchEntry[],
  options: GeminiSubmitBatchOptions = {},
): Promise<BatchJob<GeminiResponse>> {
  const {
    displayName = `rig-ts batch of ${Array.isArray(entries) ? entries.length : 0} requests`,
    input = 'auto',
    metadata,
    ...callOptions
  } = options;
  validateBatchEntries(entries, { provider: 'Gemini', maxRequests: Number.POSITIVE_INFINITY });
  if (input !== 'auto' && input !== 'inline' && input !== 'file')
    throw invalidRequest(`input must be 'auto', 'inline' or 'file' (got ${JSON.stringify(input)})`, 'input');
  const warnings = new Map<string, readonly Warning[]>();
  let modelPath: string | undefined;
  const bodies = entries.map((entry, index) => {
    const built = atBatchEntry(index, () => model.requestBody(entry.request));
    modelPath ??= built.path;
    if (built.path !== modelPath) {
      throw invalidRequest(
        `entries[${index}] asks for ${built.path.slice(1)} after ${modelPath.slice(1)}: a Gemini batch runs one model`,
        `entries[${index}].request.model`,
      );
    }
    if (built.warnings.length > 0) warnings.set(entry.id, built.warnings);
    return built.body;
  });
  const limits = GEMINI_BATCH_LIMITS;
  let create: Blob | undefined;
  if (input !== 'file') {
    const requests = bodies.map((request, index) => ({ request, metadata: { key: entries[index]!.id } }));
    create = new Blob([JSON.stringify({ batch: { displayName, inputConfig: { requests: { requests } } } })], {
      type: 'application/json',
    });
    if (create.size >= limits.maxInlineBytes) {
      if (input === 'inline')
        throw invalidRequest(
          `the inline Gemini batch would be ${create.size} bytes; inline requests must stay under ${limits.maxInlineBytes}: use input 'file' or 'auto'`,
          'input',
        );
      create = undefined;
    }
  }
  const transport = model.transport;
  if (create === undefined) {
    const file = new Blob(
      [bodies.map((request, index) => JSON.stringify({ key: entries[index]!.id, request })).join('\n'), '\n'],
      { type: 'application/jsonl' },
    );
    if (file.size > limits.maxFileBytes)
      throw invalidRequest(
        `the Gemini batch input file would be ${file.size} bytes, more than the ${limits.maxFileBytes} a batch takes: split it`,
        'entries',
      );
    const fileName = await uploadFile(transport, file, displayName, callOptions);
    create = new Blob([JSON.stringify({ batch: { displayName, inputConfig: { fileName } } })], {
      type: 'application/json',
    });
  }
  const snapshot = await readBatch(
    transport,
    'POST',
    `${modelPath}:batchGenerateContent`,
    { maxRetries: 0, ...callOptions },
    create,
  );
  const jobWarnings = unsentMetadataWarnings(
    metadata,
    'Gemini batches take no metadata (only a displayName); it was not sent',
  );
  const name = (snapshot.raw as GeminiBatchOperation).name;
  return createBatchJob(
    geminiBatchProvider(transport, { ids: entries.map((entry) => entry.id), warnings }),
    name,
    snapshot,
    jobWarnings,
  );
}

/**
 * The Gemini batch `id` (`batches/…`, or the part after `batches/`), read now: resumes a job after a restart. Inline
 * results of a resumed job are tied to their requests by the `metadata.key` Gemini echoes or keeps in the batch's
 * input; without either, a result's id is its position (`'0'`, `'1'`…). They carry no request warnings.
 * @throws {CompletionError} of kind `request` for an id that is not one.
 */
export async function getBatch(
  client: { readonly transport: HttpTransport },
  id: string,
  options: CallOptions = {},
): Promise<BatchJob<GeminiResponse>> {
  if (typeof id !== 'string') validateBatchId('Gemini', id);
  const path = batchPath(id);
  const snapshot = await readBatch(client.transport, 'GET', path, options);
  return createBatchJob(
    geminiBatchProvider(client.transport, {}),
    (snapshot.raw as GeminiBatchOperation).name,
    snapshot,
  );
}
