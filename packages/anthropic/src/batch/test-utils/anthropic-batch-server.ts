// A loopback server speaking Anthropic's Message Batches API as documented (paths, headers, the MessageBatch object,
// the JSONL results at `results_url`), for the tests of @rig-ts/anthropic/batch. Tests script the batch's progress.
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '@rig-ts/fixtures/loopback';
import type { AnthropicMessageBatch } from '../anthropic-batch-api-types.js';

export interface AnthropicBatchServer {
  url: string;
  requests: RecordedRequest[];
  batch: AnthropicMessageBatch | undefined;
  /** Changes applied one per `GET /v1/messages/batches/{id}`, in order. */
  progress: Partial<AnthropicMessageBatch>[];
  /** The results file (JSONL) served at `results_url`. */
  results: string;
  close(): Promise<void>;
}

export const BATCH_ID = 'msgbatch_013Zva2CMHLNnXjNJJKqJ2EF';

/** A MessageBatch as the API reference's examples show it, for `count` requests just created. */
export function createdMessageBatch(count: number): AnthropicMessageBatch {
  return {
    id: BATCH_ID,
    type: 'message_batch',
    processing_status: 'in_progress',
    request_counts: { processing: count, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    ended_at: null,
    created_at: '2024-09-24T18:37:24.100435Z',
    expires_at: '2024-09-25T18:37:24.100435Z',
    archived_at: null,
    cancel_initiated_at: null,
    results_url: null,
  };
}

function error(status: number, type: string, message: string) {
  return [status, { type: 'error', error: { type, message } }] as const;
}

export async function startAnthropicBatchServer(): Promise<AnthropicBatchServer> {
  // What the handler serves; the server returned is this same object, so tests read and script it.
  const state: Pick<AnthropicBatchServer, 'batch' | 'progress' | 'results'> = {
    batch: undefined,
    progress: [],
    results: '',
  };
  const server: LoopbackServer = await startLoopbackServer((request, response) => {
    if (request.headers['anthropic-version'] === undefined) {
      sendJson(response, ...error(400, 'invalid_request_error', 'anthropic-version: header is required'));
      return;
    }
    const path = request.url.split('?')[0]!;
    if (request.method === 'POST' && path === '/v1/messages/batches') {
      const body = JSON.parse(request.body) as { requests: unknown[] };
      state.batch = createdMessageBatch(body.requests.length);
      sendJson(response, 200, state.batch, { 'request-id': 'req_011CU2' });
      return;
    }
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/cancel|\/results)?$/.exec(path);
    if (match === null || state.batch === undefined || decodeURIComponent(match[1]!) !== state.batch.id) {
      sendJson(response, ...error(404, 'not_found_error', `${request.method} ${path} not found`));
      return;
    }
    if (request.method === 'GET' && match[2] === undefined) {
      const next = state.progress.shift();
      if (next !== undefined) state.batch = { ...state.batch, ...next };
      sendJson(response, 200, state.batch);
    } else if (request.method === 'POST' && match[2] === '/cancel') {
      state.batch = {
        ...state.batch,
        processing_status: 'canceling',
        cancel_initiated_at: '2024-09-24T18:39:03.114875Z',
      };
      sendJson(response, 200, state.batch);
    } else if (request.method === 'GET' && match[2] === '/results') {
      response.writeHead(200, { 'content-type': 'application/binary' });
      response.end(state.results);
    } else sendJson(response, ...error(405, 'invalid_request_error', `${request.method} not allowed`));
  });
  return Object.assign(state, { url: server.url, requests: server.requests, close: () => server.close() });
}

/** The fields of a MessageBatch once processing has ended, with its results at `<url>/v1/messages/batches/<id>/results`. */
export function ended(
  url: string,
  counts: AnthropicMessageBatch['request_counts'],
  extra: Partial<AnthropicMessageBatch> = {},
): Partial<AnthropicMessageBatch> {
  return {
    processing_status: 'ended',
    request_counts: counts,
    ended_at: '2024-09-24T19:37:24.100435Z',
    results_url: `${url}/v1/messages/batches/${BATCH_ID}/results`,
    ...extra,
  };
}
