import { ALPHANUMERIC, IdSource } from './id-source.js';
import { providerErrorBody } from './provider-error-body.js';
import { readBatchCreate } from './read-batch-create.js';
import type { SimulatedBatchLine, SimulatedBatchRequest } from './simulated-batch.js';
import type { BatchRoutes } from './simulator-batch-routes.js';
import type { StoredBatch } from './simulator-batch-store.js';
import type { SimulatorReply, SimulatorRoutesContext } from './simulator-engine.js';

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_REQUESTS = 100_000;

function json(context: SimulatorRoutesContext, status: number, value: unknown): SimulatorReply {
  return context.reply(status, { 'content-type': 'application/json' }, JSON.stringify(value));
}

function error(context: SimulatorRoutesContext, status: number, message: string): SimulatorReply {
  return context.reply(status, { 'content-type': 'application/json' }, providerErrorBody('anthropic', status, message));
}

const time = (milliseconds: number) => new Date(milliseconds).toISOString();

function messageBatch(batch: StoredBatch, now: number, origin: string): { [key: string]: unknown } {
  const id = batch.meta.id as string;
  const ended = batch.phase(now) === 'ended';
  const counts = { processing: batch.requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
  // Anthropic fills the counts in only once the whole batch has ended.
  if (ended) {
    counts.processing = 0;
    for (const line of batch.lines()) {
      if (line.kind === 'answered') counts[line.status === 200 ? 'succeeded' : 'errored']++;
      else counts[line.kind === 'expired' ? 'expired' : 'canceled']++;
    }
  }
  return {
    id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : batch.cancelledAt === undefined ? 'in_progress' : 'canceling',
    request_counts: counts,
    ended_at: ended ? time(batch.endsAt) : null,
    created_at: time(batch.createdAt),
    expires_at: time(batch.createdAt + 86_400_000),
    archived_at: null,
    cancel_initiated_at: batch.cancelledAt === undefined ? null : time(batch.cancelledAt),
    results_url: ended ? `${origin}/v1/messages/batches/${id}/results` : null,
  };
}

function resultLine(line: SimulatedBatchLine): string {
  if (line.kind === 'expired') return JSON.stringify({ custom_id: line.id, result: { type: 'expired' } });
  if (line.kind === 'cancelled') return JSON.stringify({ custom_id: line.id, result: { type: 'canceled' } });
  if (line.status === 200)
    return JSON.stringify({ custom_id: line.id, result: { type: 'succeeded', message: line.body } });
  return JSON.stringify({ custom_id: line.id, result: { type: 'errored', error: line.body } });
}

/** Anthropic's Message Batches (`/v1/messages/batches`). */
export const anthropicBatchRoutes: BatchRoutes = (request, store, context) => {
  const { method, path } = request;
  if (!path.startsWith('/v1/messages/batches')) return undefined;
  if (request.headers['anthropic-version'] === undefined)
    return error(context, 400, 'anthropic-version: header is required');
  const now = context.now();
  if (method === 'POST' && path === '/v1/messages/batches') {
    const createRequest = readBatchCreate<{ requests?: unknown }>(
      request,
      context,
      'There was an issue with your request: the body is not valid JSON.',
    );
    if (typeof createRequest === 'string') return error(context, 400, createRequest);
    const { body, settings } = createRequest;
    if (!Array.isArray(body.requests) || body.requests.length === 0 || body.requests.length > MAX_REQUESTS)
      return error(context, 400, `requests: must hold 1 to ${MAX_REQUESTS} requests`);
    const requests: SimulatedBatchRequest[] = [];
    const seen = new Set<string>();
    for (const [index, item] of (body.requests as { custom_id?: unknown; params?: unknown }[]).entries()) {
      if (typeof item?.custom_id !== 'string' || !CUSTOM_ID.test(item.custom_id))
        return error(context, 400, `requests.${index}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      if (seen.has(item.custom_id))
        return error(
          context,
          400,
          `requests.${index}.custom_id: custom_id must be unique within a batch (${item.custom_id})`,
        );
      if (typeof item.params !== 'object' || item.params === null)
        return error(context, 400, `requests.${index}.params: Field required`);
      seen.add(item.custom_id);
      requests.push({ id: item.custom_id, body: item.params as { [key: string]: unknown } });
    }
    const id = `msgbatch_${new IdSource(`msgbatch:${store.next()}`).text(24, ALPHANUMERIC)}`;
    const batch = store.start(context, {
      id,
      now,
      requests,
      // Message Batches have no failure of the whole batch: `failed` makes every request fail instead.
      settings: settings.outcome === 'failed' ? { ...settings, outcome: 'completed', fail: seen } : settings,
      api: 'anthropic',
      failure: JSON.parse(providerErrorBody('anthropic', 500, 'Internal server error (x-sim-batch-fail).')) as unknown,
      meta: { provider: 'anthropic', id },
    });
    return json(context, 200, messageBatch(batch, now, request.origin));
  }
  const match = /^\/v1\/messages\/batches\/([^/]+)(\/cancel|\/results)?$/.exec(path);
  if (match === null) return undefined;
  const batch = store.find('anthropic', decodeURIComponent(match[1]!));
  if (batch === undefined) return error(context, 404, `message batch ${match[1]} not found`);
  if (method === 'GET' && match[2] === undefined) return json(context, 200, messageBatch(batch, now, request.origin));
  if (method === 'POST' && match[2] === '/cancel') {
    if (!batch.cancel(now))
      return error(context, 400, `Batch ${match[1]} cannot be canceled: its processing has ended.`);
    return json(context, 200, messageBatch(batch, now, request.origin));
  }
  if (method === 'GET' && match[2] === '/results') {
    if (batch.phase(now) !== 'ended')
      return error(
        context,
        400,
        `Batch ${match[1]} is still in progress: results are available once processing has ended.`,
      );
    return context.reply(
      200,
      { 'content-type': 'application/binary' },
      `${batch.lines().map(resultLine).join('\n')}\n`,
    );
  }
  return undefined;
};
