// A loopback server speaking OpenAI's Batch and Files APIs as documented (paths, methods, bodies, the Batch and File
// objects, JSONL files), for the tests of @rig-ts/openai/batch. Tests script how the batch moves on each poll.
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '@rig-ts/fixtures/loopback';
import type { ServerResponse } from 'node:http';
import type { OpenAIBatch } from '../openai-batch-api-types.js';

export interface StoredFile {
  filename: string;
  purpose: string;
  type: string;
  content: string;
  /** The download of the content never ends: the server holds the connection open after the last byte. */
  holdOpen?: boolean;
}

export interface OpenAIBatchServer {
  url: string;
  requests: RecordedRequest[];
  files: Map<string, StoredFile>;
  /** The batch as the server holds it (after create). */
  batch: OpenAIBatch | undefined;
  /** Changes applied one per `GET /v1/batches/{id}`, in order (none left: the batch stays as it is). */
  progress: Partial<OpenAIBatch>[];
  /** Answers the next requests to these paths with this status and body instead. */
  failures: Map<string, { status: number; body: unknown }[]>;
  server: LoopbackServer;
  close(): Promise<void>;
}

/** The Batch object of the create example in OpenAI's API reference, for `input_file_id`, `endpoint` and `metadata`. */
export function createdBatch(inputFileId: string, endpoint: string, metadata: unknown): OpenAIBatch {
  return {
    id: 'batch_abc123',
    object: 'batch',
    endpoint,
    errors: null,
    input_file_id: inputFileId,
    completion_window: '24h',
    status: 'validating',
    output_file_id: null,
    error_file_id: null,
    created_at: 1711471533,
    in_progress_at: null,
    expires_at: null,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata: (metadata as { [key: string]: string } | undefined) ?? null,
  };
}

async function readForm(request: RecordedRequest): Promise<FormData> {
  return new Request('http://loopback.invalid/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type']) },
    body: request.body,
  }).formData();
}

function notFound(response: ServerResponse, request: RecordedRequest): void {
  sendJson(response, 404, {
    error: {
      message: `Invalid URL (${request.method} ${request.url})`,
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  });
}

export async function startOpenAIBatchServer(): Promise<OpenAIBatchServer> {
  // What the handler serves; the server returned is this same object, so tests read and script it.
  const state: Pick<OpenAIBatchServer, 'files' | 'batch' | 'progress' | 'failures'> = {
    files: new Map(),
    batch: undefined,
    progress: [],
    failures: new Map(),
  };
  let fileNumber = 0;
  const server = await startLoopbackServer(async (request, response) => {
    const path = request.url.split('?')[0]!;
    const failure = state.failures.get(`${request.method} ${path}`)?.shift();
    if (failure !== undefined) {
      sendJson(response, failure.status, failure.body);
      return;
    }
    if (request.method === 'POST' && path === '/v1/files') {
      const form = await readForm(request);
      const file = form.get('file') as File;
      const id = `file-${++fileNumber}`;
      const content = await file.text();
      state.files.set(id, { filename: file.name, purpose: String(form.get('purpose')), type: file.type, content });
      sendJson(response, 200, {
        object: 'file',
        id,
        purpose: String(form.get('purpose')),
        filename: file.name,
        bytes: file.size,
        created_at: 1711471500,
        expires_at: 1714063500,
        status: 'processed',
        status_details: null,
      });
      return;
    }
    if (request.method === 'POST' && path === '/v1/batches') {
      const body = JSON.parse(request.body) as { input_file_id: string; endpoint: string; metadata?: unknown };
      state.batch = createdBatch(body.input_file_id, body.endpoint, body.metadata);
      sendJson(response, 200, state.batch);
      return;
    }
    const batchMatch = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
    if (batchMatch !== null && state.batch !== undefined && decodeURIComponent(batchMatch[1]!) === state.batch.id) {
      if (request.method === 'GET' && batchMatch[2] === undefined) {
        const next = state.progress.shift();
        if (next !== undefined) state.batch = { ...state.batch, ...next };
        sendJson(response, 200, state.batch);
        return;
      }
      if (request.method === 'POST' && batchMatch[2] === '/cancel') {
        state.batch = { ...state.batch, status: 'cancelling', cancelling_at: 1711471600 };
        sendJson(response, 200, state.batch);
        return;
      }
    }
    const contentMatch = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (request.method === 'GET' && contentMatch !== null) {
      const file = state.files.get(decodeURIComponent(contentMatch[1]!));
      if (file !== undefined) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        if (file.holdOpen) response.write(file.content);
        else response.end(file.content);
        return;
      }
    }
    notFound(response, request);
  });
  return Object.assign(state, { url: server.url, requests: server.requests, server, close: () => server.close() });
}
