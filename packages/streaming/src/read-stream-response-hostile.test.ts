// What a server that is broken or hostile can send to `readStreamResponse`: event and family names that are keys of
// every object, error chains nested without end or with causes that are not errors, and a limit that is not a number.
// Each is read as a rig-ts error (or skipped, where the wire says so), never thrown as a TypeError or a stack overflow.
import { CompletionError, PromptError, StructuredOutputError, type StreamedAssistantContent } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { readStreamResponse } from './read-stream-response.js';
import { streamFromItems } from './stream-from-items.js';
import { collect, itemsOf, sampleItems, START, wireEvent, wireResponse } from './test-utils/wire-samples.js';
import { toStreamResponse } from './to-stream-response.js';

const finalItem = sampleItems[sampleItems.length - 1] as Extract<StreamedAssistantContent, { type: 'final' }>;
const { rawResponse: _rawResponse, ...responseWithoutRaw } = finalItem.response;
const FINAL = wireEvent({ ...finalItem, response: responseWithoutRaw });
const TEXT = wireEvent({ type: 'text', text: 'Hi' });

/** What reading `events` after the start event ends with: the items, or the error it failed with. */
async function readEvents(...events: string[]): Promise<StreamedAssistantContent[] | unknown> {
  return collect(readStreamResponse(wireResponse([START, ...events]))).catch((error: unknown) => error);
}

/** The error an `error` event carrying `error` is read as. */
async function readWireError(error: unknown): Promise<unknown> {
  return readEvents(`event: error\ndata: ${JSON.stringify({ type: 'error', error })}\n\n`);
}

describe('readStreamResponse against a hostile server', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'skips an event named %s as an event type it does not know',
    async (name) => {
      const items = await readEvents(`event: ${name}\ndata: {"type":"${name}"}\n\n`, TEXT, FINAL);
      expect(items).toEqual([
        { type: 'text', text: 'Hi' },
        { ...finalItem, response: responseWithoutRaw },
      ]);
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads an error of family %s as a provider error with its message',
    async (family) => {
      const error = await readWireError({ family, kind: 'http', name: 'X', message: 'the server failed' });
      expect(error).toEqual(
        new CompletionError({ kind: 'provider', message: 'the server failed', isRetryable: false }),
      );
      expect(CompletionError.isInstance(error)).toBe(true);
    },
  );

  it('does not take a kind that only contains known kinds ("http json") for one', async () => {
    const error = await readWireError({ family: 'CompletionError', kind: 'http json', name: 'X', message: 'm' });
    expect(error).toMatchObject({ kind: 'provider', message: 'm' });
  });

  it('rebuilds a cause chain 8 causes deep at most, however deep the server nests it', async () => {
    // Written as text: JSON.stringify itself recurses, and a server need not.
    const levels = 5000;
    const open = Array.from(
      { length: levels },
      (_, index) =>
        `{"family":"PromptError","kind":"completion","name":"X","message":"level ${levels - 1 - index}","cause":`,
    ).join('');
    const wire = `${open}{"family":"CompletionError","kind":"http","name":"X","message":"root"}${'}'.repeat(levels)}`;
    const error = await readEvents(`event: error\ndata: {"type":"error","error":${wire}}\n\n`);
    expect(PromptError.isInstance(error)).toBe(true);
    let depth = 0;
    for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) depth++;
    expect(depth).toBe(8);
    expect(error).toMatchObject({ kind: 'completion', message: 'level 4999' });
  });

  it.each([null, 5, 'a cause'])('reads an error whose cause is %s without throwing a TypeError', async (cause) => {
    const error = await readWireError({
      family: 'PromptError',
      kind: 'completion',
      name: 'X',
      message: 'outer',
      cause,
    });
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'completion', message: 'outer' });
    const inner = (error as Error).cause;
    if (cause === null) expect(inner).toBeUndefined();
    else expect(CompletionError.isInstance(inner) && inner.kind).toBe('provider');
  });

  it.each([Number.NaN, -1])(
    'fails the stream at once with maxEventLength %s instead of lifting the limit',
    async (max) => {
      const error = await collect(
        readStreamResponse(wireResponse([START, TEXT, FINAL]), { maxEventLength: max }),
      ).catch((caught: unknown) => caught);
      expect(error).toEqual(
        new CompletionError({
          kind: 'response',
          reason: 'malformed',
          message: `stream sent an event longer than ${max} characters (maxEventLength)`,
        }),
      );
    },
  );

  it('takes maxEventLength Infinity as no limit', async () => {
    const long = wireEvent({ type: 'text', text: 'x'.repeat(100_000) });
    const items = await collect(readStreamResponse(wireResponse([START, long, FINAL]), { maxEventLength: Infinity }));
    expect(items).toHaveLength(2);
  });
});

describe('toStreamResponse with an errorMessage callback that fails', () => {
  it.each([
    [
      'throws',
      () => {
        throw new Error('callback bug');
      },
    ],
    ['returns a number', () => 42 as unknown as string],
  ])(
    'sends the default message when the callback %s, and the stream still ends with the error',
    async (_name, errorMessage) => {
      const cause = new CompletionError({ kind: 'http', status: 503, message: 'provider said sk-secret' });
      async function* items(): AsyncGenerator<StreamedAssistantContent> {
        yield { type: 'text', text: 'Hi' };
        throw cause;
      }
      const response = toStreamResponse(streamFromItems(items()), { errorMessage });
      const stream = readStreamResponse(response);
      const error = await collect(stream).catch((caught: unknown) => caught);
      expect(error).toEqual(
        new CompletionError({ kind: 'http', status: 503, message: 'the model provider answered HTTP 503' }),
      );
    },
  );
});
