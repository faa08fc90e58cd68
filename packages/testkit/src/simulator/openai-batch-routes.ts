import { ALPHANUMERIC, HEX, IdSource } from './id-source.js';
import { parseMultipart } from './parse-multipart.js';
import { providerErrorBody } from './provider-error-body.js';
import { readBatchCreate } from './read-batch-create.js';
import type { SimulatedBatch, SimulatedBatchRequest } from './simulated-batch.js';
import type { BatchRoutes } from './simulator-batch-routes.js';
import type { SimulatorBatchStore, SimulatorFile, StoredBatch } from './simulator-batch-store.js';
import type { SimulatorReply, SimulatorRoutesContext } from './simulator-engine.js';

const ENDPOINTS = { '/v1/responses': 'openai-responses', '/v1/chat/completions': 'openai-chat' } as const;
const EXPIRED_MESSAGE = 'This request could not be executed before the completion window expired.';

function json(context: SimulatorRoutesContext, status: number, value: unknown): SimulatorReply {
  return context.reply(status, { 'content-type': 'application/json' }, JSON.stringify(value));
}

function error(context: SimulatorRoutesContext, status: number, message: string, param?: string): SimulatorReply {
  return context.reply(
    status,
    { 'content-type': 'application/json' },
    providerErrorBody('openai-chat', status, message, { param }),
  );
}

const seconds = (milliseconds: number) => Math.floor(milliseconds / 1000);

function fileObject(file: SimulatorFile): { [key: string]: unknown } {
  return {
    object: 'file',
    id: file.id,
    purpose: file.purpose,
    filename: file.filename,
    bytes: new TextEncoder().encode(file.content).length,
    created_at: seconds(file.createdAt),
    expires_at: seconds(file.createdAt) + 30 * 86_400,
    status: 'processed',
    status_details: null,
  };
}

/** The input file's lines as batch requests, or the validation errors OpenAI would report (with line numbers). */
function readInput(
  content: string,
  endpoint: string,
): {
  requests: SimulatedBatchRequest[];
  errors: { code: string; message: string; param: string | null; line: number }[];
} {
  const requests: SimulatedBatchRequest[] = [];
  const errors: { code: string; message: string; param: string | null; line: number }[] = [];
  const seen = new Set<string>();
  let model: unknown;
  content.split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    const line = index + 1;
    let value: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
    try {
      value = JSON.parse(text) as typeof value;
    } catch {
      errors.push({
        code: 'invalid_json_line',
        message: 'This line is not parseable as valid JSON.',
        param: null,
        line,
      });
      return;
    }
    if (typeof value.custom_id !== 'string')
      errors.push({
        code: 'missing_required_parameter',
        message: 'Missing required parameter: custom_id.',
        param: 'custom_id',
        line,
      });
    else if (seen.has(value.custom_id))
      errors.push({
        code: 'duplicate_custom_id',
        message: `The custom_id for this request is a duplicate of another request: ${value.custom_id}.`,
        param: 'custom_id',
        line,
      });
    else if (value.method !== 'POST' || value.url !== endpoint)
      errors.push({
        code: 'invalid_request',
        message: `This line must be a POST to ${endpoint}, the endpoint of the batch.`,
        param: 'url',
        line,
      });
    else if (typeof value.body !== 'object' || value.body === null)
      errors.push({
        code: 'missing_required_parameter',
        message: 'Missing required parameter: body.',
        param: 'body',
        line,
      });
    else {
      const body = value.body as { [key: string]: unknown };
      model ??= body.model;
      if (body.model !== model)
        errors.push({
          code: 'mismatched_model',
          message: 'The provided model does not match the model of the other requests in the file.',
          param: 'body.model',
          line,
        });
      seen.add(value.custom_id);
      requests.push({ id: value.custom_id, body });
    }
  });
  if (requests.length === 0 && errors.length === 0)
    errors.push({ code: 'empty_file', message: 'The batch input file is empty.', param: null, line: 1 });
  return { requests, errors };
}

function batchObject(batch: StoredBatch, now: number, store: SimulatorBatchStore): { [key: string]: unknown } {
  const meta = batch.meta as {
    id: string;
    endpoint: string;
    inputFileId: string;
    metadata: unknown;
    errors: unknown[];
  } & StoredBatch['meta'];
  const total = batch.requests.length;
  const phase = batch.phase(now);
  const failed = batch.settings.outcome === 'failed' || meta.errors.length > 0;
  let status: string;
  if (batch.cancelledAt !== undefined) status = phase === 'ended' ? 'cancelled' : 'cancelling';
  else if (failed) status = phase === 'starting' ? 'validating' : 'failed';
  else if (phase === 'ended') status = batch.settings.outcome;
  else status = phase === 'starting' ? 'validating' : phase === 'running' ? 'in_progress' : 'finalizing';
  const ended = status === 'completed' || status === 'expired' || status === 'cancelled';
  const counts = ended
    ? batch.counts()
    : { succeeded: status === 'validating' || failed ? 0 : batch.done(now), failed: 0 };
  const object: { [key: string]: unknown } = {
    id: meta.id,
    object: 'batch',
    endpoint: meta.endpoint,
    errors:
      failed && status === 'failed'
        ? {
            object: 'list',
            data:
              meta.errors.length > 0
                ? meta.errors
                : [
                    {
                      code: 'simulated_failure',
                      message: 'The batch failed (x-sim-batch-outcome: failed).',
                      param: null,
                      line: null,
                    },
                  ],
          }
        : null,
    input_file_id: meta.inputFileId,
    completion_window: '24h',
    status,
    output_file_id: null,
    error_file_id: null,
    created_at: seconds(batch.createdAt),
    in_progress_at: status === 'validating' || failed ? null : seconds(batch.createdAt + batch.settings.delayMs / 10),
    expires_at: seconds(batch.createdAt) + 86_400,
    finalizing_at: null,
    completed_at: status === 'completed' ? seconds(batch.endsAt) : null,
    failed_at: status === 'failed' ? seconds(batch.createdAt + batch.settings.delayMs / 10) : null,
    expired_at: status === 'expired' ? seconds(batch.endsAt) : null,
    cancelling_at: batch.cancelledAt === undefined ? null : seconds(batch.cancelledAt),
    cancelled_at: status === 'cancelled' ? seconds(batch.endsAt) : null,
    request_counts: {
      total: status === 'validating' || failed ? 0 : total,
      completed: counts.succeeded,
      failed: counts.failed,
    },
    metadata: meta.metadata ?? null,
  };
  if (ended) Object.assign(object, resultFiles(batch, meta.id, store));
  return object;
}

/** Writes the output and error files of an ended batch once; returns their ids (null for an empty one). */
function resultFiles(
  batch: SimulatedBatch,
  id: string,
  store: SimulatorBatchStore,
): { output_file_id: string | null; error_file_id: string | null } {
  const output: string[] = [];
  const errors: string[] = [];
  const ids = new IdSource(`${id}:lines`);
  for (const line of batch.lines()) {
    const lineId = ids.id('batch_req_', 24, ALPHANUMERIC);
    if (line.kind !== 'answered') {
      // Requests a cancel left undone are not itemised; expired ones are, in the error file.
      if (line.kind === 'expired')
        errors.push(
          JSON.stringify({
            id: lineId,
            custom_id: line.id,
            response: null,
            error: { code: 'batch_expired', message: EXPIRED_MESSAGE },
          }),
        );
      continue;
    }
    const text = JSON.stringify({
      id: lineId,
      custom_id: line.id,
      response: { status_code: line.status, request_id: ids.id('req_', 32, HEX), body: line.body },
      error: null,
    });
    (line.status === 200 ? output : errors).push(text);
  }
  const file = (suffix: string, filename: string, lines: string[]) =>
    store.fileOnce(`file-${id.slice('batch_'.length)}-${suffix}`, () =>
      lines.length === 0
        ? undefined
        : { filename, purpose: 'batch_output', content: `${lines.join('\n')}\n`, createdAt: batch.endsAt },
    )?.id ?? null;
  return {
    output_file_id: file('output', `${id}_output.jsonl`, output),
    error_file_id: file('errors', `${id}_error.jsonl`, errors),
  };
}

/** OpenAI's Files (`/v1/files`) and Batch (`/v1/batches`) APIs. */
export const openAIBatchRoutes: BatchRoutes = (request, store, context) => {
  const { method, path } = request;
  if (!path.startsWith('/v1/files') && !path.startsWith('/v1/batches')) return undefined;
  const now = context.now();
  if (method === 'POST' && path === '/v1/files') {
    const parts = parseMultipart(request.body, request.headers['content-type']);
    const file = parts?.get('file');
    const purpose = parts?.get('purpose')?.content;
    if (parts === undefined || file === undefined || purpose === undefined)
      return error(context, 400, "The request must be multipart/form-data with the fields 'file' and 'purpose'.");
    if (!['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'].includes(purpose))
      return error(context, 400, `Invalid value for 'purpose': ${purpose}.`, 'purpose');
    const stored: SimulatorFile = {
      id: `file-${new IdSource(`file:${store.next()}`).text(22, ALPHANUMERIC)}`,
      filename: file.filename ?? 'file',
      purpose,
      content: file.content,
      createdAt: now,
    };
    store.files.set(stored.id, stored);
    return json(context, 200, fileObject(stored));
  }
  const fileMatch = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
  if (method === 'GET' && fileMatch !== null) {
    const file = store.files.get(decodeURIComponent(fileMatch[1]!));
    if (file === undefined) return error(context, 404, `No such File object: ${fileMatch[1]}`, 'id');
    return fileMatch[2] === undefined
      ? json(context, 200, fileObject(file))
      : context.reply(200, { 'content-type': 'application/octet-stream' }, file.content);
  }
  if (method === 'POST' && path === '/v1/batches') {
    const createRequest = readBatchCreate<{
      input_file_id?: unknown;
      endpoint?: unknown;
      completion_window?: unknown;
      metadata?: unknown;
    }>(request, context, 'We could not parse the JSON body of your request.');
    if (typeof createRequest === 'string') return error(context, 400, createRequest);
    const { body, settings } = createRequest;
    if (body.endpoint !== '/v1/responses' && body.endpoint !== '/v1/chat/completions')
      return error(
        context,
        400,
        `Invalid value for 'endpoint': the simulator runs /v1/responses and /v1/chat/completions batches.`,
        'endpoint',
      );
    if (body.completion_window !== '24h')
      return error(
        context,
        400,
        "Invalid value for 'completion_window': only '24h' is supported.",
        'completion_window',
      );
    const input = typeof body.input_file_id === 'string' ? store.files.get(body.input_file_id) : undefined;
    if (input === undefined)
      return error(context, 404, `No such File object: ${String(body.input_file_id)}`, 'input_file_id');
    if (input.purpose !== 'batch')
      return error(
        context,
        400,
        `File ${input.id} has purpose '${input.purpose}'; a batch input file must have purpose 'batch'.`,
        'input_file_id',
      );
    const endpoint = body.endpoint;
    const { requests, errors } = readInput(input.content, endpoint);
    const id = `batch_${new IdSource(`batch:${store.next()}`).text(24, ALPHANUMERIC)}`;
    const api = ENDPOINTS[endpoint];
    const batch = store.start(context, {
      id,
      now,
      requests,
      settings,
      api,
      failure: JSON.parse(
        providerErrorBody(api, 500, 'The server had an error while processing your request (x-sim-batch-fail).'),
      ) as unknown,
      meta: { provider: 'openai', id, endpoint, inputFileId: input.id, metadata: body.metadata, errors },
    });
    return json(context, 200, batchObject(batch, now, store));
  }
  const batchMatch = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
  if (batchMatch === null) return undefined;
  const batch = store.find('openai', decodeURIComponent(batchMatch[1]!));
  if (batch === undefined) return error(context, 404, `No batch found with id '${batchMatch[1]}'.`, 'batch_id');
  if (method === 'GET' && batchMatch[2] === undefined) return json(context, 200, batchObject(batch, now, store));
  if (method === 'POST' && batchMatch[2] === '/cancel') {
    const status = batchObject(batch, now, store).status as string;
    if (status === 'failed' || !batch.cancel(now))
      return error(context, 400, `Cannot cancel a batch with status '${status}'.`);
    return json(context, 200, batchObject(batch, now, store));
  }
  return undefined;
};
