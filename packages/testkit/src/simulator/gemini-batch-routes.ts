import { ALPHANUMERIC, IdSource } from './id-source.js';
import { providerErrorBody } from './provider-error-body.js';
import { readBatchCreate } from './read-batch-create.js';
import type { SimulatedBatchRequest } from './simulated-batch.js';
import type { BatchRoutes } from './simulator-batch-routes.js';
import type { SimulatorBatchStore, SimulatorFile, StoredBatch } from './simulator-batch-store.js';
import type { SimulatorReply, SimulatorRoutesContext } from './simulator-engine.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

function json(context: SimulatorRoutesContext, status: number, value: unknown): SimulatorReply {
  return context.reply(status, JSON_TYPE, JSON.stringify(value, null, 2));
}

function error(context: SimulatorRoutesContext, status: number, message: string): SimulatorReply {
  return context.reply(status, JSON_TYPE, providerErrorBody('gemini', status, message));
}

const time = (milliseconds: number) => new Date(milliseconds).toISOString();

/** The batch as Gemini's Operation: state, stats, and once it succeeded its output (inline, or a results file). */
function operation(batch: StoredBatch, now: number, store: SimulatorBatchStore): { [key: string]: unknown } {
  const meta = batch.meta as StoredBatch['meta'] & {
    name: string;
    model: string;
    displayName: string;
    inline: boolean;
  };
  const phase = batch.phase(now);
  const total = batch.requests.length;
  let state: string;
  if (phase !== 'ended')
    state =
      batch.cancelledAt !== undefined
        ? 'BATCH_STATE_RUNNING'
        : phase === 'starting'
          ? 'BATCH_STATE_PENDING'
          : 'BATCH_STATE_RUNNING';
  else if (batch.cancelledAt !== undefined) state = 'BATCH_STATE_CANCELLED';
  else
    state = { completed: 'BATCH_STATE_SUCCEEDED', expired: 'BATCH_STATE_EXPIRED', failed: 'BATCH_STATE_FAILED' }[
      batch.settings.outcome
    ];
  const stats: { [key: string]: string } = { requestCount: String(total) };
  const metadata: { [key: string]: unknown } = {
    '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch',
    model: meta.model,
    displayName: meta.displayName,
    createTime: time(batch.createdAt),
    updateTime: time(Math.min(now, batch.endsAt)),
    batchStats: stats,
    state,
    name: meta.name,
  };
  const result: { [key: string]: unknown } = { name: meta.name, metadata };
  if (phase !== 'ended') {
    stats.pendingRequestCount = String(total - batch.done(now));
    if (batch.done(now) > 0) stats.successfulRequestCount = String(batch.done(now));
    return result;
  }
  metadata.endTime = time(batch.endsAt);
  result.done = true;
  if (state === 'BATCH_STATE_FAILED')
    result.error = { code: 13, message: 'The batch failed (x-sim-batch-outcome: failed).' };
  if (state === 'BATCH_STATE_CANCELLED') result.error = { code: 1, message: 'Operation cancelled.' };
  if (state !== 'BATCH_STATE_SUCCEEDED') return result;
  const { succeeded, failed } = batch.counts();
  if (succeeded > 0) stats.successfulRequestCount = String(succeeded);
  if (failed > 0) stats.failedRequestCount = String(failed);
  const lines = batch.lines().map((line) => {
    const entry =
      line.kind !== 'answered'
        ? { error: { code: 4, message: 'The request was not run.' } }
        : line.status === 200
          ? { response: line.body }
          : { error: (line.body as { error: unknown }).error };
    return { key: line.id, ...entry };
  });
  let output: { [key: string]: unknown };
  if (meta.inline)
    output = {
      inlinedResponses: { inlinedResponses: lines.map(({ key, ...entry }) => ({ ...entry, metadata: { key } })) },
    };
  else {
    const fileName = `files/batch-${meta.name.slice('batches/'.length)}-results`;
    store.fileOnce(fileName, () => ({
      filename: `${fileName}.jsonl`,
      purpose: 'batch',
      content: `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
      createdAt: batch.endsAt,
    }));
    output = { responsesFile: fileName };
  }
  metadata.output = output;
  result.response = {
    '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatchOutput',
    ...output,
  };
  return result;
}

/** The requests of a create body: inline, or the `{ key, request }` lines of an uploaded file. */
function readRequests(
  inputConfig: { requests?: { requests?: unknown }; fileName?: unknown } | undefined,
  files: Map<string, SimulatorFile>,
): SimulatedBatchRequest[] | string {
  if (Array.isArray(inputConfig?.requests?.requests)) {
    return (inputConfig.requests.requests as { request?: unknown; metadata?: { key?: unknown } }[]).map(
      (item, index) => ({
        id: typeof item?.metadata?.key === 'string' ? item.metadata.key : String(index),
        body: (item?.request ?? {}) as { [key: string]: unknown },
      }),
    );
  }
  if (typeof inputConfig?.fileName === 'string') {
    const file = files.get(inputConfig.fileName);
    if (file === undefined) return `File ${inputConfig.fileName} not found.`;
    const requests: SimulatedBatchRequest[] = [];
    for (const [index, text] of file.content.split('\n').entries()) {
      if (text.trim() === '') continue;
      try {
        const line = JSON.parse(text) as { key?: unknown; request?: unknown };
        requests.push({
          id: typeof line.key === 'string' ? line.key : String(index),
          body: (line.request ?? {}) as { [key: string]: unknown },
        });
      } catch {
        return `Line ${index + 1} of ${file.id} is not valid JSON.`;
      }
    }
    return requests;
  }
  return 'batch.inputConfig must hold requests or a fileName.';
}

/** The Gemini Batch API (`models/{model}:batchGenerateContent`, `batches/{id}`) and the Files API's resumable upload and download. */
export const geminiBatchRoutes: BatchRoutes = (request, store, context) => {
  const { method, path, search } = request;
  const now = context.now();
  const create = /^\/v1beta\/models\/([^/:]+):batchGenerateContent$/.exec(path);
  if (method === 'POST' && create !== null) {
    const createRequest = readBatchCreate<{
      batch?: { displayName?: unknown; inputConfig?: { requests?: { requests?: unknown }; fileName?: unknown } };
    }>(request, context, 'Invalid JSON payload received.');
    if (typeof createRequest === 'string') return error(context, 400, createRequest);
    const { body, settings } = createRequest;
    if (typeof body.batch?.displayName !== 'string' || body.batch.displayName === '')
      return error(context, 400, '* BatchGenerateContentRequest.batch.display_name: display_name is required');
    const requests = readRequests(body.batch.inputConfig, store.files);
    if (typeof requests === 'string') return error(context, 400, requests);
    const name = `batches/${new IdSource(`gemini-batch:${store.next()}`).text(24, ALPHANUMERIC.slice(26)).toLowerCase()}`;
    const model = `models/${decodeURIComponent(create[1]!)}`;
    const batch = store.start(context, {
      id: name,
      now,
      requests,
      settings,
      api: 'gemini',
      model: model.slice('models/'.length),
      failure: { error: { code: 13, message: 'Internal error encountered (x-sim-batch-fail).', status: 'INTERNAL' } },
      meta: {
        provider: 'gemini',
        name,
        model,
        displayName: body.batch.displayName,
        inline: body.batch.inputConfig?.fileName === undefined,
      },
    });
    return json(context, 200, operation(batch, now, store));
  }
  const batchMatch = /^\/v1beta\/(batches\/[^/:]+)(:cancel)?$/.exec(path);
  if (batchMatch !== null) {
    const batch = store.find('gemini', decodeURIComponent(batchMatch[1]!));
    if (batch === undefined) return error(context, 404, `Batch ${batchMatch[1]} not found.`);
    if (method === 'GET' && batchMatch[2] === undefined) return json(context, 200, operation(batch, now, store));
    if (method === 'POST' && batchMatch[2] === ':cancel') {
      // Gemini answers a cancel of an ended batch the same way, and changes nothing.
      batch.cancel(now);
      return json(context, 200, {});
    }
    return undefined;
  }
  if (method === 'POST' && path === '/upload/v1beta/files') {
    const command = request.headers['x-goog-upload-command'];
    if (command === 'start' && request.headers['x-goog-upload-protocol'] === 'resumable') {
      const uploadId = new IdSource(`upload:${store.next()}`).text(32, ALPHANUMERIC);
      let displayName = 'file';
      try {
        const file = (JSON.parse(request.body) as { file?: { displayName?: unknown; display_name?: unknown } }).file;
        displayName = String(file?.displayName ?? file?.display_name ?? displayName);
      } catch {
        return error(context, 400, 'Invalid JSON payload received.');
      }
      store.files.set(`upload:${uploadId}`, {
        id: `upload:${uploadId}`,
        filename: displayName,
        purpose: request.headers['x-goog-upload-header-content-type'] ?? 'application/octet-stream',
        content: '',
        createdAt: now,
      });
      return context.reply(
        200,
        {
          'x-goog-upload-status': 'active',
          'x-goog-upload-url': `${request.origin}/upload/v1beta/files?upload_id=${uploadId}&upload_protocol=resumable`,
          'x-goog-upload-chunk-granularity': '8388608',
        },
        '',
      );
    }
    const pending = store.files.get(`upload:${search.get('upload_id') ?? ''}`);
    if (pending === undefined || command !== 'upload, finalize' || request.headers['x-goog-upload-offset'] !== '0')
      return error(context, 400, 'Unknown upload, or not an upload of the whole file at offset 0 with finalize.');
    store.files.delete(pending.id);
    const name = `files/${new IdSource(`file:${store.next()}`).text(12, ALPHANUMERIC.slice(26)).toLowerCase()}`;
    const file: SimulatorFile = {
      id: name,
      filename: pending.filename,
      purpose: pending.purpose,
      content: request.body,
      createdAt: now,
    };
    store.files.set(name, file);
    const bytes = new TextEncoder().encode(request.body).length;
    return json(context, 200, {
      file: {
        name,
        displayName: file.filename,
        mimeType: file.purpose,
        sizeBytes: String(bytes),
        createTime: time(now),
        updateTime: time(now),
        expirationTime: time(now + 48 * 3_600_000),
        sha256Hash: '',
        uri: `${request.origin}/v1beta/${name}`,
        state: 'ACTIVE',
        source: 'UPLOADED',
      },
    });
  }
  const download = /^\/download\/v1beta\/(files\/[^:]+):download$/.exec(path);
  if (method === 'GET' && download !== null) {
    const file = store.files.get(decodeURIComponent(download[1]!));
    if (file === undefined || search.get('alt') !== 'media')
      return error(context, 404, `File ${download[1]} not found.`);
    return context.reply(200, { 'content-type': 'application/octet-stream' }, file.content);
  }
  return undefined;
};
