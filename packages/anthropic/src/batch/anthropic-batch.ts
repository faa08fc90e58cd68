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
} from '@rig-ts/core/batch';
import type { HttpTransport } from '@rig-ts/http';
import { readJsonLines } from '@rig-ts/streaming/internal';
import type { AnthropicCompletionModel } from '../anthropic-completion-model.js';
import { JSON_TOOL_NAME } from '../anthropic-prepare-tools.js';
import type { AnthropicRawResponse } from '../parse-anthropic-response.js';
import type { AnthropicBatchCreateRequest, AnthropicMessageBatch } from './anthropic-batch-api-types.js';
import { convertAnthropicBatchLine, type AnthropicBatchLineContext } from './convert-anthropic-batch-line.js';
import { mapAnthropicBatch } from './map-anthropic-batch.js';

/** Options of {@link submitBatch}: the call options of the create request. */
export interface AnthropicSubmitBatchOptions extends CallOptions {
  /** Message Batches take no metadata: given, it is not sent, and the job's `warnings` say so. */
  metadata?: { [key: string]: string };
}

/** Options of {@link getBatch}. */
export interface AnthropicGetBatchOptions extends CallOptions {
  /**
   * Set when the batch's requests asked for structured output through a tool (models without native JSON output, or
   * `structuredOutputMode: 'tool'`), so each answer is read as text as on submit; a job from `submitBatch` knows it.
   * @default false
   */
  structuredOutputTool?: boolean;
}

/** Anthropic's limits on one batch. */
export const ANTHROPIC_BATCH_LIMITS = {
  maxRequests: 100_000,
  maxRequestBytes: 256 * 1024 * 1024,
  /** What a `custom_id` must match. */
  customId: /^[a-zA-Z0-9_-]{1,64}$/,
} as const;

const readBatch = batchReader(mapAnthropicBatch, 'Anthropic sent a message batch');

function anthropicBatchProvider(
  transport: HttpTransport,
  context: AnthropicBatchLineContext,
): BatchProvider<AnthropicRawResponse> {
  const path = (id: string) => `/messages/batches/${encodeURIComponent(id)}`;
  return {
    name: transport.settings.provider,
    retrieve: (id, options) => readBatch(transport, 'GET', path(id), options),
    cancel: (id, options) => readBatch(transport, 'POST', `${path(id)}/cancel`, options),
    async *results(id, snapshot, options) {
      const resultsURL = (snapshot.raw as AnthropicMessageBatch).results_url;
      if (typeof resultsURL !== 'string' || resultsURL === '') {
        throw new CompletionError({
          kind: 'response',
          reason: 'unexpected',
          message: `Anthropic batch ${id} has ended but gives no results_url`,
          isRetryable: true,
        });
      }
      // Anthropic says to read the results from `results_url` rather than build the path; the transport sends the key
      // only if that URL is on the client's origin.
      const headers = { accept: 'application/binary', ...options.headers };
      const call = await transport.requestStream(
        'GET',
        resultsURL,
        undefined,
        { ...options, headers },
        { contentTypes: [''] },
      );
      for await (const line of readJsonLines(call, { what: `the results of Anthropic batch ${id}` }))
        yield convertAnthropicBatchLine(line, context);
    },
  };
}

/**
 * Submits `entries` as one Anthropic Message Batch: each request becomes `{ custom_id, params }` with `params` the exact
 * body the model sends alone. Ids (1–64 of `a-z A-Z 0-9 _ -`, unique), 100,000 requests and 256 MB are checked before
 * anything is sent. The create request is not retried (a resent create could start a second, billed batch) unless
 * `maxRetries` says so.
 *
 * ```ts
 * const model = anthropic.Client.fromEnv().completionModel('claude-sonnet-4-5');
 * const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('Classify: …').build() }]);
 * await job.wait({ pollIntervalMs: 60_000 });
 * for await (const result of job.results()) if (result.ok) console.log(result.id, result.response.choice);
 * ```
 * @throws {CompletionError} of kind `request` for invalid entries, before any request.
 */
export async function submitBatch(
  model: AnthropicCompletionModel,
  entries: readonly BatchEntry[],
  options: AnthropicSubmitBatchOptions = {},
): Promise<BatchJob<AnthropicRawResponse>> {
  const { metadata, ...callOptions } = options;
  const limits = ANTHROPIC_BATCH_LIMITS;
  validateBatchEntries(entries, {
    provider: 'Anthropic',
    maxRequests: limits.maxRequests,
    idPattern: limits.customId,
    idRule: '1 to 64 letters, digits, _ or -',
  });
  const warnings = new Map<string, readonly Warning[]>();
  const jsonToolNames = new Map<string, string>();
  const create: AnthropicBatchCreateRequest = {
    requests: entries.map((entry, index) => {
      const {
        body,
        warnings: entryWarnings,
        jsonToolName,
      } = atBatchEntry(index, () => model.requestBody(entry.request, false));
      if (entryWarnings.length > 0) warnings.set(entry.id, entryWarnings);
      if (jsonToolName !== undefined) jsonToolNames.set(entry.id, jsonToolName);
      return { custom_id: entry.id, params: body };
    }),
  };
  // Serialized once: the size check and the request use the same bytes.
  const body = new Blob([JSON.stringify(create)], { type: 'application/json' });
  if (body.size > limits.maxRequestBytes) {
    throw invalidRequest(
      `the Anthropic batch request would be ${body.size} bytes, more than the ${limits.maxRequestBytes} a batch takes: split it`,
      'entries',
    );
  }
  const jobWarnings = unsentMetadataWarnings(metadata, 'Anthropic message batches take no metadata; it was not sent');
  const transport = model.transport;
  const snapshot = await readBatch(transport, 'POST', '/messages/batches', { maxRetries: 0, ...callOptions }, body);
  const id = (snapshot.raw as AnthropicMessageBatch).id;
  return createBatchJob(
    anthropicBatchProvider(transport, { jsonToolName: jsonToolNames, warnings }),
    id,
    snapshot,
    jobWarnings,
  );
}

/**
 * The Anthropic message batch `id`, read now: resumes a job after a restart. Results read after a resume carry no
 * request warnings (they were known only when submitting); see `structuredOutputTool`.
 * @throws {CompletionError} of kind `request` for an id that is not one.
 */
export async function getBatch(
  client: { readonly transport: HttpTransport },
  id: string,
  options: AnthropicGetBatchOptions = {},
): Promise<BatchJob<AnthropicRawResponse>> {
  const { structuredOutputTool, ...callOptions } = options;
  validateBatchId('Anthropic', id);
  const transport = client.transport;
  const snapshot = await readBatch(transport, 'GET', `/messages/batches/${encodeURIComponent(id)}`, callOptions);
  return createBatchJob(
    anthropicBatchProvider(transport, structuredOutputTool ? { jsonToolName: JSON_TOOL_NAME } : {}),
    (snapshot.raw as AnthropicMessageBatch).id,
    snapshot,
  );
}
