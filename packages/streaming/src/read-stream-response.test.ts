import {
  CompletionError,
  PromptError,
  RigError,
  StructuredOutputError,
  type CompletionResponse,
  type StreamedAssistantContent,
} from '@rig-ts/core';
import fc from 'fast-check';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it } from 'vitest';
import { readStreamResponse } from './read-stream-response.js';
import { streamFromItems } from './stream-from-items.js';
import { createStreamingResponse } from './streaming-response.js';
import { StreamingResponse } from './streaming-response.js';
import { fakeTransport } from './test-utils/fake-transport.js';
import {
  collect,
  itemsOf,
  sampleItems,
  sampleResponse,
  START,
  wireEvent,
  wireResponse,
} from './test-utils/wire-samples.js';
import { toStreamResponse } from './to-stream-response.js';

/** The bytes `toStreamResponse` sends for `items`. */
async function wireBytes(
  items: readonly StreamedAssistantContent[],
  options: Parameters<typeof toStreamResponse>[1] = {},
): Promise<Uint8Array> {
  return new Uint8Array(await toStreamResponse(streamFromItems(itemsOf(items)), options).arrayBuffer());
}

/** `bytes` cut at `cuts`, read back. */
async function readBack(
  bytes: Uint8Array,
  cuts: readonly number[],
): Promise<{ items: StreamedAssistantContent[]; final: CompletionResponse }> {
  const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  const chunks = points.slice(1).map((end, index) => bytes.subarray(points[index], end));
  const stream = readStreamResponse(wireResponse(chunks));
  const items = await collect(stream);
  return { items, final: await stream.final };
}

const { rawResponse: _rawResponse, ...responseWithoutRaw } = sampleResponse;
const finalItem = sampleItems[sampleItems.length - 1]!;

describe('readStreamResponse ∘ toStreamResponse', () => {
  it('gives back every kind of item, deep-equal, and the final response with usage (rawResponse when sent)', async () => {
    const stream = readStreamResponse(
      toStreamResponse(streamFromItems(itemsOf(sampleItems)), { sendRawResponse: true }),
    );
    expect(stream).toBeInstanceOf(StreamingResponse);
    expect(await collect(stream)).toEqual(sampleItems);
    expect(await stream.final).toEqual(sampleResponse);
    expect(stream.usage()).toEqual(sampleResponse.usage);
    expect(stream.requestId).toBe('req_2');
  });

  it('leaves the provider’s raw response on the server by default', async () => {
    const bytes = await wireBytes(sampleItems);
    expect(new TextDecoder().decode(bytes)).not.toContain('system prompt');
    const { items, final } = await readBack(bytes, []);
    expect(items).toEqual([...sampleItems.slice(0, -1), { ...finalItem, response: responseWithoutRaw }]);
    expect(final).toEqual(responseWithoutRaw);
  });

  it('writes one versioned SSE event per item, its type as the event name', async () => {
    const text = new TextDecoder().decode(
      await wireBytes([
        { type: 'text', text: 'a\nb' },
        { ...finalItem, response: { ...sampleResponse, rawResponse: undefined } } as StreamedAssistantContent,
      ]),
    );
    expect(text).toBe(
      'event: start\ndata: {"type":"start","version":1}\n\n' +
        'event: text\ndata: {"type":"text","text":"a\\nb"}\n\n' +
        `event: final\ndata: ${JSON.stringify({ ...finalItem, response: responseWithoutRaw })}\n\n`,
    );
  });

  it('reads the same items with the bytes cut at every position', async () => {
    const bytes = await wireBytes(sampleItems, { sendRawResponse: true });
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { items, final } = await readBack(bytes, [cut]);
      expect(items, `cut at ${cut}`).toEqual(sampleItems);
      expect(final).toEqual(sampleResponse);
    }
    // One read per byte of the wire (about two thousand): the bound only catches a hang on a loaded machine.
  }, 60_000);

  it('reads the same items under random chunkings (one byte per chunk included)', async () => {
    const bytes = await wireBytes(sampleItems, { sendRawResponse: true });
    expect(
      (
        await readBack(
          bytes,
          Array.from({ length: bytes.length - 1 }, (_, index) => index + 1),
        )
      ).items,
    ).toEqual(sampleItems);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        async (cuts) => {
          const { items, final } = await readBack(bytes, cuts);
          expect(items).toEqual(sampleItems);
          expect(final).toEqual(sampleResponse);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sends bytes media of a tool result as base64', async () => {
    const toolResult = {
      type: 'tool-result',
      id: 'call_1',
      content: [{ type: 'image', source: { type: 'bytes', data: new Uint8Array([104, 105]) } }],
    } as const;
    const { items } = await readBack(
      await wireBytes([{ type: 'tool-result', toolResult: toolResult as never }, finalItem]),
      [],
    );
    expect(items[0]).toEqual({
      type: 'tool-result',
      toolResult: {
        type: 'tool-result',
        id: 'call_1',
        content: [{ type: 'image', source: { type: 'base64', data: 'aGk=' } }],
      },
    });
  });

  it('gives textStream the text and final alone reads to the end', async () => {
    const bytes = await wireBytes(sampleItems);
    expect(await collect(readStreamResponse(wireResponse([bytes])).textStream)).toEqual([
      'It is 18°C ',
      'in Paris 🌍.\nline two\r\ndata: not a field',
    ]);
    expect(await readStreamResponse(wireResponse([bytes])).final).toEqual(responseWithoutRaw);
  });
});

describe('errors across the wire', () => {
  const key = 'sk-secret-key-1234567890';
  async function* failing(error: unknown): AsyncGenerator<StreamedAssistantContent> {
    yield { type: 'text', text: 'Hel' };
    throw error;
  }

  async function readFailure(error: unknown, options: Parameters<typeof toStreamResponse>[1] = {}) {
    const response = toStreamResponse(streamFromItems(failing(error)), options);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const stream = readStreamResponse(wireResponse([bytes]));
    const { items, error: thrown } = await collectUntilError(stream);
    return {
      items,
      thrown,
      text: new TextDecoder().decode(bytes),
      final: stream.final.catch((reason: unknown) => reason),
    };
  }

  it('ends with the error’s class and kind and a safe message, after the items before it', async () => {
    const error = new CompletionError({
      kind: 'http',
      status: 429,
      message: `openai returned HTTP 429 for POST https://api.example/v1/responses?key=${key}: Rate limit`,
      body: `{"error":"Rate limit for ${key}"}`,
      headers: { authorization: `Bearer ${key}` },
      providerError: { message: 'Rate limit' },
    });
    const { items, thrown, text, final } = await readFailure(error);
    expect(items).toEqual([{ type: 'text', text: 'Hel' }]);
    expect(CompletionError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 429,
      isRetryable: true,
      message: 'the model provider answered HTTP 429',
    });
    expect((thrown as CompletionError).cause).toBeUndefined();
    expect(await final).toBe(thrown);
    expect(text).not.toContain(key);
    expect(text).not.toContain('api.example');
    expect(text).not.toContain('Rate limit');
    expect(text.split('\n\n').at(-2)).toBe(
      'event: error\ndata: {"type":"error","error":{"family":"CompletionError","name":"CompletionError.Http","message":"the model provider answered HTTP 429","kind":"http","isRetryable":true,"status":429}}',
    );
  });

  it('rebuilds each family and kind with its fields', async () => {
    const cases: [unknown, object][] = [
      [
        new CompletionError({ kind: 'response', reason: 'truncated', message: 'x' }),
        {
          name: 'CompletionError.Response',
          reason: 'truncated',
          isRetryable: false,
          message: 'the model response was cut short',
        },
      ],
      [
        new CompletionError({ kind: 'provider', message: `overloaded ${key}`, isRetryable: true }),
        { name: 'CompletionError.Provider', isRetryable: true, message: 'the model provider reported an error' },
      ],
      [
        new CompletionError({ kind: 'request', message: 'x', path: 'temperature' }),
        { name: 'CompletionError.Request', message: 'the model request was invalid at temperature' },
      ],
      [new CompletionError({ kind: 'json', message: 'x' }), { name: 'CompletionError.Json', isRetryable: false }],
      [
        new PromptError({
          kind: 'max-turns',
          message: 'x',
          maxTurns: 3,
          history: [{ role: 'user', content: 'secret' } as never],
        }),
        { name: 'PromptError.MaxTurns', maxTurns: 3, history: [], message: 'the agent reached its limit of 3 turns' },
      ],
      [
        new PromptError({ kind: 'tool', message: `tool failed ${key}`, toolName: 'weather' }),
        { name: 'PromptError.Tool', toolName: 'weather', message: 'the tool "weather" failed' },
      ],
      [
        new PromptError({ kind: 'cancelled', message: 'stop' }),
        { name: 'PromptError.Cancelled', message: 'the run was cancelled on the server' },
      ],
      [
        new DOMException('gone', 'AbortError'),
        { name: 'PromptError.Cancelled', message: 'the run was cancelled on the server' },
      ],
      [
        new TypeError(`boom ${key}`),
        { name: 'CompletionError.Provider', message: 'the stream failed on the server', isRetryable: false },
      ],
      [
        new StructuredOutputError({ kind: 'json', message: 'x', rawText: '{"a":' }),
        { name: 'StructuredOutputError.Json', rawText: '{"a":', message: 'the model output is not valid JSON' },
      ],
      [
        new StructuredOutputError({ kind: 'empty', message: 'x' }),
        { name: 'StructuredOutputError.Empty', message: 'the model returned no output' },
      ],
      [
        new StructuredOutputError({
          kind: 'validation',
          message: 'x',
          rawText: '{"a":1}',
          value: { a: 1 },
          errors: [{ path: '/a', message: 'must be string', keyword: 'type' }],
        }),
        {
          name: 'StructuredOutputError.Validation',
          value: { a: 1 },
          errors: [{ path: '/a', message: 'must be string', keyword: 'type' }],
          message: 'the model output does not match the schema',
        },
      ],
    ];
    for (const [error, expected] of cases) {
      const { thrown, text } = await readFailure(error);
      expect(thrown, String(error)).toMatchObject(expected);
      expect(RigError.isInstance(thrown)).toBe(true);
      expect(text).not.toContain(key);
      expect(text).not.toContain('secret');
    }
  });

  it('keeps the error underneath a completion PromptError, and the server’s message when it chooses one', async () => {
    const cause = new CompletionError({ kind: 'http', status: 503, message: `down ${key}` });
    const { thrown } = await readFailure(new PromptError({ kind: 'completion', message: 'x', cause }), {
      errorMessage: (error) => (PromptError.isInstance(error) ? 'try again later' : undefined),
    });
    expect(thrown).toMatchObject({ name: 'PromptError.Completion', message: 'try again later' });
    expect((thrown as PromptError).cause).toMatchObject({
      name: 'CompletionError.Http',
      status: 503,
      isRetryable: true,
      message: 'the model provider answered HTTP 503',
    });
  });

  it('sends an error event for a stream the server cancelled', async () => {
    const source = streamFromItems(itemsOf<StreamedAssistantContent>([{ type: 'text', text: 'a' }]));
    const response = toStreamResponse(source);
    source.cancel();
    const stream = readStreamResponse(response);
    await expect(collect(stream)).rejects.toMatchObject({ name: 'PromptError.Cancelled' });
  });

  it('sends an error event for an item JSON cannot hold, and cancels the stream', async () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    let aborted: unknown;
    const source = streamFromItems(
      itemsOf<StreamedAssistantContent>([
        {
          type: 'tool-result',
          toolResult: {
            type: 'tool-result',
            id: 'c',
            content: [{ type: 'text', text: 'x' }],
            providerOptions: cyclic as never,
          },
        },
        finalItem,
      ]),
      {
        onAbort: (reason) => (aborted = reason),
      },
    );
    const stream = readStreamResponse(toStreamResponse(source));
    await expect(collect(stream)).rejects.toMatchObject({
      name: 'CompletionError.Provider',
      message: 'the stream failed on the server',
    });
    expect(aborted).toBeInstanceOf(TypeError);
  });
});

describe('readStreamResponse against a hostile or broken server', () => {
  const text = wireEvent({ type: 'text', text: 'Hi' });
  const final = wireEvent({ ...finalItem, response: responseWithoutRaw });

  it('resolves final at the final item while the server holds the connection open, then lets it go', async () => {
    let cancelled: unknown = 'not cancelled';
    const stream = readStreamResponse(
      wireResponse([START, text, final], { open: true, onCancel: (reason) => (cancelled = reason) }),
    );
    expect(await collect(stream.textStream)).toEqual(['Hi']);
    expect(await stream.final).toEqual(responseWithoutRaw);
    expect(cancelled).toMatchObject({ name: 'AbortError', message: 'the stream is complete' });
  });

  it('ignores what comes after the final item (more text, a late error, junk)', async () => {
    const stream = readStreamResponse(
      wireResponse([
        START,
        text,
        final +
          text +
          wireEvent({ type: 'error', error: { family: 'Error', name: 'Error', message: 'late' } }) +
          'data: {junk\n\n',
      ]),
    );
    expect(await collect(stream)).toEqual([
      { type: 'text', text: 'Hi' },
      { ...finalItem, response: responseWithoutRaw },
    ]);
  });

  it('fails a frame that is not JSON exactly as a provider stream does', async () => {
    const frame = 'event: text\ndata: {"type":"text","text":"Hi\n\n';
    const wire = await collect(readStreamResponse(wireResponse([START, frame]))).catch((error: unknown) => error);
    const provider = await collect(createStreamingResponse(fakeTransport([frame]), 'sse', { onFrame() {} })).catch(
      (error: unknown) => error,
    );
    expect(wire).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a frame that is not valid JSON: {"type":"text","text":"Hi',
      body: '{"type":"text","text":"Hi',
    });
    expect(wire).toEqual(provider);
    expect((wire as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('fails a frame of the wrong shape as malformed', async () => {
    const error = await collect(
      readStreamResponse(wireResponse([START, 'event: text\ndata: {"type":"text","text":5}\n\n'])),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a "text" event of an unexpected shape: {"type":"text","text":5}',
    });
    const noFamily = await collect(
      readStreamResponse(wireResponse([START, 'event: error\ndata: {"type":"error","error":{}}\n\n'])),
    ).catch((caught: unknown) => caught);
    expect(noFamily).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent an "error" event without a family and a message',
    });
  });

  it('skips event types it does not know (forward compatible), and comments', async () => {
    const stream = readStreamResponse(
      wireResponse([
        START,
        ': ping\n\n',
        'event: usage-update\ndata: {"type":"usage-update","not":"json\n\n',
        text,
        final,
      ]),
    );
    expect(await collect(stream)).toEqual([
      { type: 'text', text: 'Hi' },
      { ...finalItem, response: responseWithoutRaw },
    ]);
  });

  it('fails an event longer than maxEventLength instead of filling memory', async () => {
    const huge = `event: text\ndata: {"type":"text","text":"${'x'.repeat(5000)}`;
    const pieces = Array.from({ length: 20 }, (_, index) => huge.slice(index * 251, (index + 1) * 251));
    const error = await collect(
      readStreamResponse(wireResponse([START, ...pieces], { open: true }), { maxEventLength: 4096 }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent an event longer than 4096 characters (maxEventLength)',
    });
    // Many events in one big chunk are not one long event.
    const many = Array.from({ length: 200 }, () => text).join('');
    expect(
      (await collect(readStreamResponse(wireResponse([START + many + final]), { maxEventLength: 4096 }).textStream))
        .length,
    ).toBe(200);
  });

  it('fails a body that ends before the final item as truncated, like any stream', async () => {
    const error = await collect(readStreamResponse(wireResponse([START, text]))).catch((caught: unknown) => caught);
    expect(error).toEqual(
      new CompletionError({
        kind: 'response',
        reason: 'truncated',
        message: 'stream ended before its final item (truncated response)',
      }),
    );
    const items = await collect(streamFromItems(itemsOf<StreamedAssistantContent>([]))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toEqual(items);
  });

  it('fails a cut connection as an http error', async () => {
    const cut = new TypeError('terminated', { cause: new Error('other side closed') });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(START + text));
      },
      pull(controller) {
        controller.error(cut);
      },
    });
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const stream = readStreamResponse(response);
    const { items: seen, error } = await collectUntilError(stream.textStream);
    expect(seen).toEqual(['Hi']);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      isRetryable: true,
      message: 'network error reading the stream from the server: terminated',
    });
    expect((error as Error).cause).toBe(cut);
  });

  it('fails a non-2xx answer as an http error with its status and body', async () => {
    const response = wireResponse(['{"error":"sign in first"}'], {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
    const error = await readStreamResponse(response).final.catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      status: 401,
      isRetryable: false,
      body: '{"error":"sign in first"}',
      message: 'server returned HTTP 401 for the server: {"error":"sign in first"}',
    });
    const empty = await collect(readStreamResponse(wireResponse([], { status: 503, headers: {} }))).catch(
      (caught: unknown) => caught,
    );
    expect(empty).toMatchObject({
      status: 503,
      isRetryable: true,
      message: 'server returned HTTP 503 for the server: empty body',
    });
  });

  it('reads at most 64 KiB of an error body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16384).fill(97));
      },
    });
    const error = (await readStreamResponse(new Response(body, { status: 500 })).final.catch(
      (caught: unknown) => caught,
    )) as CompletionError & { body: string };
    expect(error.body).toHaveLength(65536);
    expect(pulled).toBeLessThan(10);
  });

  it('fails a body that is not a stream, or not a rig-ts stream, or of another version', async () => {
    const html = await collect(
      readStreamResponse(wireResponse(['<html>'], { headers: { 'content-type': 'text/html' } })),
    ).catch((caught: unknown) => caught);
    expect(html).toMatchObject({
      kind: 'response',
      reason: 'unexpected',
      message: 'server answered the server with content-type text/html instead of a stream: <html>',
      body: '<html>',
    });
    const openai = await collect(readStreamResponse(wireResponse(['data: {"choices":[]}\n\n']))).catch(
      (caught: unknown) => caught,
    );
    expect(openai).toMatchObject({
      kind: 'response',
      reason: 'unexpected',
      message: 'stream is not a rig-ts stream: its first event is "message", not "start"',
    });
    const later = await collect(
      readStreamResponse(wireResponse([wireEvent({ type: 'start', version: 2 }), text, final])),
    ).catch((caught: unknown) => caught);
    expect(later).toMatchObject({
      kind: 'response',
      reason: 'unexpected',
      message: 'stream uses version 2 of the rig-ts stream wire; this reader reads version 1',
    });
  });

  it('has one reader: a second gets an error and takes nothing from the first; a second read of the body fails', async () => {
    const response = wireResponse([START, text, final]);
    const stream = readStreamResponse(response);
    const first = stream[Symbol.asyncIterator]();
    await expect(collect(stream.textStream)).rejects.toThrow('this stream is already being consumed');
    expect(await first.next()).toEqual({ value: { type: 'text', text: 'Hi' }, done: false });
    const again = await readStreamResponse(response).final.catch((caught: unknown) => caught);
    expect(again).toMatchObject({
      kind: 'response',
      reason: 'unexpected',
      message: 'the response from the server has no body left to read',
    });
  });

  it('cancel() cancels the body and rejects final with the reason', async () => {
    let cancelled: unknown;
    const stream = readStreamResponse(
      wireResponse([START, text], { open: true, onCancel: (reason) => (cancelled = reason) }),
    );
    const iterator = stream.textStream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 'Hi', done: false });
    const reason = new DOMException('stopped', 'AbortError');
    stream.cancel(reason);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.final).rejects.toBe(reason);
    expect(cancelled).toBe(reason);
  });

  it('cancel() before any read cancels the body too', async () => {
    let cancelled: unknown;
    const stream = readStreamResponse(
      wireResponse([START], { open: true, onCancel: (reason) => (cancelled = reason) }),
    );
    stream.cancel('bye');
    await expect(stream.final).rejects.toBe('bye');
    expect(cancelled).toBe('bye');
  });
});
