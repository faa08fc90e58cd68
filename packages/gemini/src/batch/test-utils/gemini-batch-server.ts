// A loopback server speaking the Gemini Batch API and the resumable Files upload as documented (paths, headers,
// Operation objects, JSONL files), for the tests of @rig-ts/gemini/batch. Tests script the batch's progress.
import { sendJson, startLoopbackServer, type RecordedRequest } from '@rig-ts/fixtures/loopback';
import type { GeminiBatchOperation } from '../gemini-batch-api-types.js';

export const BATCH_NAME = 'batches/123456789';

export interface GeminiBatchServer {
  url: string;
  requests: RecordedRequest[];
  operation: GeminiBatchOperation | undefined;
  /** Replaces the operation on each `GET /v1beta/batches/{id}`, in order (a function of the current one). */
  progress: ((operation: GeminiBatchOperation) => GeminiBatchOperation)[];
  /** Uploaded files by name, and files served for download. */
  files: Map<string, string>;
  /** The upload URL the start of an upload answers (default: this server's). */
  uploadURL: string | undefined;
  close(): Promise<void>;
}

function googleError(code: number, status: string, message: string) {
  return { error: { code, message, status } };
}

export async function startGeminiBatchServer(): Promise<GeminiBatchServer> {
  // What the handler serves; the server returned is this same object, so tests read and script it.
  const state: Pick<GeminiBatchServer, 'operation' | 'progress' | 'files' | 'uploadURL'> = {
    operation: undefined,
    progress: [],
    files: new Map(),
    uploadURL: undefined,
  };
  const server = await startLoopbackServer((request, response) => {
    const [path, query = ''] = request.url.split('?') as [string, string?];
    const create = /^\/v1beta\/models\/([^/:]+):batchGenerateContent$/.exec(path);
    if (request.method === 'POST' && create !== null) {
      const body = JSON.parse(request.body) as {
        batch: { displayName: string; inputConfig: { requests?: { requests: unknown[] }; fileName?: string } };
      };
      const count =
        body.batch.inputConfig.requests?.requests.length ??
        state.files
          .get(body.batch.inputConfig.fileName ?? '')
          ?.trim()
          .split('\n').length ??
        0;
      state.operation = {
        name: BATCH_NAME,
        metadata: {
          '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch',
          model: `models/${create[1]}`,
          displayName: body.batch.displayName,
          createTime: '2025-07-08T10:00:00.000000Z',
          updateTime: '2025-07-08T10:00:00.000000Z',
          batchStats: { requestCount: String(count), pendingRequestCount: String(count) },
          state: 'BATCH_STATE_PENDING',
          name: BATCH_NAME,
        },
      };
      sendJson(response, 200, state.operation);
      return;
    }
    if (path === `/v1beta/${BATCH_NAME}` && request.method === 'GET' && state.operation !== undefined) {
      const next = state.progress.shift();
      if (next !== undefined) state.operation = next(state.operation);
      sendJson(response, 200, state.operation);
      return;
    }
    if (path === `/v1beta/${BATCH_NAME}:cancel` && request.method === 'POST') {
      sendJson(response, 200, {});
      return;
    }
    if (
      path === '/upload/v1beta/files' &&
      request.method === 'POST' &&
      request.headers['x-goog-upload-command'] === 'start'
    ) {
      response.writeHead(200, {
        'x-goog-upload-status': 'active',
        'x-goog-upload-url':
          state.uploadURL ?? `${server.url}/upload/v1beta/files?upload_id=ABg5-UxJ&upload_protocol=resumable`,
        'x-goog-upload-control-url': `${server.url}/upload/v1beta/files?upload_id=ABg5-UxJ&upload_protocol=resumable`,
        'x-goog-upload-chunk-granularity': '8388608',
        'content-length': '0',
      });
      response.end();
      return;
    }
    if (
      path === '/upload/v1beta/files' &&
      query.startsWith('upload_id=') &&
      request.method === 'POST' &&
      request.headers['x-goog-upload-command'] === 'upload, finalize'
    ) {
      state.files.set('files/abc123xyz', request.body);
      sendJson(response, 200, {
        file: {
          name: 'files/abc123xyz',
          displayName: 'rig-ts batch',
          mimeType: 'application/jsonl',
          sizeBytes: String(Buffer.byteLength(request.body)),
          createTime: '2025-07-08T10:00:00.000000Z',
          updateTime: '2025-07-08T10:00:00.000000Z',
          expirationTime: '2025-07-10T10:00:00.000000Z',
          sha256Hash: 'ZmFrZQ==',
          uri: `${server.url}/v1beta/files/abc123xyz`,
          state: 'ACTIVE',
          source: 'UPLOADED',
        },
      });
      return;
    }
    const download = /^\/download\/v1beta\/(files\/[^:]+):download$/.exec(path);
    if (download !== null && request.method === 'GET' && query === 'alt=media' && state.files.has(download[1]!)) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(state.files.get(download[1]!));
      return;
    }
    sendJson(response, 404, googleError(404, 'NOT_FOUND', `Method not found: ${request.method} ${request.url}`));
  });
  return Object.assign(state, { url: server.url, requests: server.requests, close: () => server.close() });
}

/** The operation once the batch has ended in `state`, with `fields` (stats, `response`, `error`…). */
export function endedAs(state: string, fields: Partial<GeminiBatchOperation> & { batchStats?: object } = {}) {
  const { batchStats, ...rest } = fields;
  return (operation: GeminiBatchOperation): GeminiBatchOperation => ({
    ...operation,
    metadata: {
      ...operation.metadata,
      state,
      endTime: '2025-07-08T10:05:00.000000Z',
      ...(batchStats === undefined ? {} : { batchStats }),
    },
    done: true,
    ...rest,
  });
}
