import { CompletionError } from '@rig-ts/core';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it } from 'vitest';
import { MAX_PROVIDER_EVENT_LENGTH } from './http-stream-source.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamTransport } from './stream-transport.js';
import { createStreamingResponse } from './streaming-response.js';

const MiB = 2 ** 20;

/** Frames `{ "text": … }` become text; `{ "done": true }` ends the answer. */
const adapter: StreamAdapter<unknown> = {
  onFrame(data, _event, accumulator) {
    const frame = data as { text?: string; done?: boolean };
    if (frame.text !== undefined) accumulator.text(frame.text);
    if (frame.done) {
      accumulator.finishReason = 'stop';
      accumulator.end();
    }
  },
};

/**
 * A transport whose body is `head`, then `piece` for as long as it is read (up to `pieces` times), then `tail`: built
 * as it is pulled, counting the pulls and whether the rest was cancelled.
 */
function generated(head: string, piece: string, pieces: number, tail: string) {
  const encoder = new TextEncoder();
  const [first, repeated, last] = [encoder.encode(head), encoder.encode(piece), encoder.encode(tail)];
  const state = { pulled: 0, cancelled: false, aborted: [] as unknown[] };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const index = state.pulled++;
      if (index === 0) controller.enqueue(first);
      else if (index <= pieces) controller.enqueue(repeated);
      else if (index === pieces + 1) controller.enqueue(last);
      else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const transport: StreamTransport = {
    body,
    requestId: undefined,
    idleTimeoutMs: 0,
    abort: (reason) => void state.aborted.push(reason),
    mapError: (error) => error,
    redact: (text) => text,
    settle: () => undefined,
  };
  return { transport, state };
}

const TOO_LONG = `stream sent over ${MAX_PROVIDER_EVENT_LENGTH} characters without completing an event`;

async function failure(stream: AsyncIterable<unknown> & { final: Promise<unknown> }) {
  const { items, error } = await collectUntilError(stream);
  await expect(stream.final).rejects.toBe(error);
  return { items, error };
}

describe('a provider stream that never completes an event', () => {
  it('SSE: fails as malformed past 64 Mi characters, after the items before it; the body is let go', async () => {
    const { transport, state } = generated(
      'data: {"text":"before"}\n\ndata: {"text":"',
      'x'.repeat(MiB),
      200,
      '"}\n\n',
    );
    const { items, error } = await failure(createStreamingResponse(transport, 'sse', adapter));
    expect(items).toEqual([{ type: 'text', text: 'before' }]);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed', message: TOO_LONG });
    expect(state.pulled).toBeLessThan(80);
    expect(state.cancelled || state.aborted.length > 0).toBe(true);
  });

  it('NDJSON: the same for a line without end', async () => {
    const { transport, state } = generated('{"text":"before"}\n{"text":"', 'y'.repeat(MiB), 200, '"}\n');
    const { items, error } = await failure(createStreamingResponse(transport, 'ndjson', adapter));
    expect(items).toEqual([{ type: 'text', text: 'before' }]);
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed', message: TOO_LONG });
    expect(state.pulled).toBeLessThan(80);
  });

  it('many events that add up to more are read whole: the limit is per event', async () => {
    const event = `data: {"text":"${'z'.repeat(MiB - 20)}"}\n\n`;
    const { transport } = generated('', event, 70, 'data: {"done":true}\n\n');
    const stream = createStreamingResponse(transport, 'sse', adapter);
    const final = await stream.final;
    expect(final.choice).toEqual([{ type: 'text', text: 'z'.repeat((MiB - 20) * 70) }]);
  });
});
