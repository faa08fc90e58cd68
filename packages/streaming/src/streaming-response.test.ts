import { CompletionError, type StreamedAssistantContent } from '@rig-ts/core';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it, vi } from 'vitest';
import type { StreamAdapter } from './stream-adapter.js';
import { createStreamingResponse } from './streaming-response.js';
import { fakeTransport } from './test-utils/fake-transport.js';
import { collect } from './test-utils/wire-samples.js';

interface ChatChunk {
  choices: { delta: { content?: string }; finish_reason?: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number };
  error?: { message: string };
}

/** A minimal Chat-Completions-style adapter for these tests. */
function chatAdapter(): StreamAdapter<ChatChunk> {
  return {
    onFrame(data, _event, accumulator) {
      const chunk = data as ChatChunk;
      if (chunk.error) throw new CompletionError({ kind: 'provider', message: chunk.error.message });
      for (const choice of chunk.choices) {
        if (choice.delta.content) accumulator.text(choice.delta.content);
        if (choice.finish_reason) accumulator.finishReason = 'stop';
      }
      if (chunk.usage) {
        accumulator.usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          totalTokens: chunk.usage.prompt_tokens + chunk.usage.completion_tokens,
        };
        accumulator.rawResponse = chunk;
      }
    },
    onDone(accumulator) {
      accumulator.end();
    },
  };
}

const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
const text = (content: string) => frame({ choices: [{ delta: { content } }] });
const finish = frame({ choices: [{ delta: {}, finish_reason: 'stop' }] });
const usageFrame = frame({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } });
const done = 'data: [DONE]\n\n';
const usage = { promptTokens: 3, completionTokens: 2, totalTokens: 5 };

describe('StreamingResponse', () => {
  it('yields every item then the final item, and aggregates', async () => {
    const transport = fakeTransport([text('Hel') + text('lo'), finish, usageFrame, done], { requestId: 'req_9' });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    expect(stream.usage()).toBeUndefined();
    const items = await collect(stream);
    const final = await stream.final;
    expect(final).toEqual({
      choice: [{ type: 'text', text: 'Hello' }],
      usage,
      finishReason: 'stop',
      requestId: 'req_9',
      rawResponse: { choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } },
    });
    expect(items).toEqual([
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
      { type: 'final', usage, finishReason: 'stop', response: final },
    ]);
    expect(stream.usage()).toEqual(usage);
    expect(stream.tokenUsage()).toEqual(usage);
    expect(stream.requestId).toBe('req_9');
    expect(transport.settled).toBe(1);
  });

  it('gives the same result for every split of the bytes', async () => {
    const bytes = new TextEncoder().encode(text('¿Qué') + text(' tal? 🌍') + finish + usageFrame + done);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const stream = createStreamingResponse(
        fakeTransport([bytes.subarray(0, cut), bytes.subarray(cut)]),
        'sse',
        chatAdapter(),
      );
      expect((await stream.final).choice).toEqual([{ type: 'text', text: '¿Qué tal? 🌍' }]);
    }
  });

  it('final alone consumes the stream', async () => {
    const stream = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    expect((await stream.final).usage).toEqual(usage);
  });

  it('reports the warnings it is given on the final response', async () => {
    const warning = { type: 'unsupported' as const, feature: 'temperature', details: 'not for this model' };
    const stream = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter(), [
      warning,
    ]);
    expect((await stream.final).warnings).toEqual([warning]);
    const none = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    expect((await none.final).warnings).toBeUndefined();
  });

  it('textStream yields only the text', async () => {
    const stream = createStreamingResponse(
      fakeTransport([text('a'), text('b'), finish, usageFrame, done]),
      'sse',
      chatAdapter(),
    );
    expect(await collect(stream.textStream)).toEqual(['a', 'b']);
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'ab' }]);
  });

  it('toReadableStream yields the items', async () => {
    const stream = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    const reader = stream.toReadableStream().getReader();
    const items: StreamedAssistantContent[] = [];
    for (;;) {
      const result = await reader.read();
      if (result.done) break;
      items.push(result.value);
    }
    expect(items.map((item) => item.type)).toEqual(['text', 'final']);
  });

  it('refuses a second consumer with a clear error', async () => {
    const stream = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    const first = stream[Symbol.asyncIterator]();
    await expect(collect(stream.textStream)).rejects.toThrow('this stream is already being consumed');
    expect(await first.next()).toEqual({ value: { type: 'text', text: 'a' }, done: false });
    const drained = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    await drained.final;
    await expect(collect(drained)).rejects.toThrow('this stream is already being consumed');
  });

  it('starts nothing when final is only read: destructured beside textStream, the loop that follows gets every piece', async () => {
    const { textStream, final } = createStreamingResponse(
      fakeTransport([text('a'), text('b'), finish, usageFrame, done]),
      'sse',
      chatAdapter(),
    );
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await collect(textStream)).toEqual(['a', 'b']);
    expect(await final).toMatchObject({ choice: [{ type: 'text', text: 'ab' }], usage });
  });

  it('final awaited before the loop starts in the same task leaves the items to the loop, and settles after it', async () => {
    const stream = createStreamingResponse(
      fakeTransport([text('a'), text('b'), finish, usageFrame, done]),
      'sse',
      chatAdapter(),
    );
    const order: string[] = [];
    const final = stream.final.then((response) => order.push(`final ${response.choice.length}`));
    for await (const piece of stream.textStream) order.push(piece);
    await final;
    expect(order).toEqual(['a', 'b', 'final 1']);
    const both = createStreamingResponse(fakeTransport([text('x'), finish, usageFrame, done]), 'sse', chatAdapter());
    const [response, items] = await Promise.all([both.final, collect(both)]);
    expect(items.map((item) => item.type)).toEqual(['text', 'final']);
    expect(items[1]).toMatchObject({ response });
  });

  it.each([
    ['catch()', (final: Promise<unknown>) => final.catch(() => undefined)],
    ['finally()', (final: Promise<unknown>) => final.finally(() => undefined)],
  ])('final awaited with no reader reads the stream itself, also through %s', async (_, awaitThrough) => {
    const stream = createStreamingResponse(fakeTransport([text('a'), finish, usageFrame, done]), 'sse', chatAdapter());
    await awaitThrough(stream.final);
    expect(stream.usage()).toEqual(usage);
  });

  it('a final that is read but never awaited reports no unhandled rejection when the stream fails', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { final, textStream } = createStreamingResponse(fakeTransport([text('a')]), 'sse', chatAdapter());
      expect(final).toBeInstanceOf(Promise);
      const error = await collect(textStream).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'response', reason: 'truncated' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(final).rejects.toBe(error);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('ends with a truncation error when the end event never comes, and produces no final', async () => {
    const transport = fakeTransport([text('a'), finish, usageFrame]);
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const { items, error } = await collectUntilError(stream);
    expect(items).toEqual([{ type: 'text', text: 'a' }]);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'truncated',
      message: 'stream ended before the provider signalled completion (truncated response)',
    });
    await expect(stream.final).rejects.toBe(error);
    expect(stream.usage()).toBeUndefined();
    expect(transport.settled).toBe(1);
  });

  it('ends at the end event though the connection stays open: the answer is settled and the request aborted after a moment', async () => {
    vi.useFakeTimers();
    try {
      const transport = fakeTransport([text('Hel') + text('lo'), finish, usageFrame, done], {
        open: true,
        idleTimeoutMs: 300_000,
      });
      const stream = createStreamingResponse(transport, 'sse', chatAdapter());
      const collected = collect(stream);
      await vi.advanceTimersByTimeAsync(249);
      expect(transport.aborted).toEqual([]);
      expect(transport.settled).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      const items = await collected;
      const final = await stream.final;
      expect(final).toEqual({
        choice: [{ type: 'text', text: 'Hello' }],
        usage,
        finishReason: 'stop',
        rawResponse: { choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } },
      });
      expect(items.map((item) => item.type)).toEqual(['text', 'text', 'final']);
      expect(transport.settled).toBe(1);
      expect(transport.aborted).toHaveLength(1);
      expect(transport.aborted[0]).toMatchObject({ name: 'AbortError', message: 'the stream is complete' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('settles the answer when a body that ends by itself after the end event is done, aborting nothing', async () => {
    const transport = fakeTransport([text('a'), finish, usageFrame, done], { open: true });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    let settled = false;
    const final = stream.final.then((response) => {
      settled = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    transport.close();
    expect((await final).choice).toEqual([{ type: 'text', text: 'a' }]);
    expect(transport.aborted).toEqual([]);
    expect(transport.settled).toBe(1);
  });

  it('appends nothing that follows the end event: more text, junk, a late error, in the same bytes or later', async () => {
    const extra = text(' EXTRA') + 'data: {not json\n\n' + frame({ error: { message: 'late failure' } }) + done;
    const same = fakeTransport([text('Hel') + text('lo') + finish + usageFrame + done + extra]);
    const sameStream = createStreamingResponse(same, 'sse', chatAdapter());
    const items = await collect(sameStream);
    expect(items.map((item) => (item.type === 'text' ? item.text : item.type))).toEqual(['Hel', 'lo', 'final']);
    expect((await sameStream.final).choice).toEqual([{ type: 'text', text: 'Hello' }]);

    // Later bytes, then the connection breaks: neither touches the answer.
    const later = fakeTransport([text('Hel') + text('lo') + finish + usageFrame + done], { open: true });
    const laterStream = createStreamingResponse(later, 'sse', chatAdapter());
    // Awaiting `final` starts the reading (reading `final` alone starts nothing).
    const final = laterStream.final.then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 10));
    later.push(extra);
    await new Promise((resolve) => setTimeout(resolve, 10));
    later.fail(new CompletionError({ kind: 'http', message: 'connection reset' }));
    expect((await final).choice).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(laterStream.usage()).toEqual(usage);

    const ndjson = createStreamingResponse(
      fakeTransport(['{"text":"a","done":true}\n{"text":" EXTRA"}\n{oops\n']),
      'ndjson',
      {
        onFrame(data, _event, accumulator) {
          const value = data as { text: string; done?: boolean };
          accumulator.text(value.text);
          if (value.done) {
            accumulator.finishReason = 'stop';
            accumulator.end();
          }
        },
      },
    );
    expect((await ndjson.final).choice).toEqual([{ type: 'text', text: 'a' }]);
  });

  it("lets the caller's abort between the end event and the end of the body end the stream with its reason", async () => {
    const transport = fakeTransport([text('a'), finish, usageFrame, done], { open: true });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const final = stream.final;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const reason = new Error('the caller gave up');
    transport.fail(reason);
    await expect(final).rejects.toBe(reason);
  });

  it('settles the answer when the idle timeout strikes after the end event', async () => {
    const transport = fakeTransport([text('a'), finish, usageFrame, done], { open: true, idleTimeoutMs: 30 });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'a' }]);
  });

  it('gives an error about a frame of the wrong shape that frame as its body, and bounds its message, redacting before the cut', async () => {
    const wrongShape: StreamAdapter = {
      onFrame(data, _event, accumulator) {
        const delta = (data as { delta: unknown }).delta;
        if (typeof delta !== 'string') throw new TypeError(`delta is not a string (got ${typeof delta})`);
        accumulator.text(delta);
      },
    };
    const error = await createStreamingResponse(
      fakeTransport([frame({ delta: 'a' }), frame({ delta: { text: 'b' } })]),
      'sse',
      wrongShape,
    ).final.catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a "message" frame that rig-ts cannot read: delta is not a string (got object)',
      body: '{"delta":{"text":"b"}}',
    });

    // A provider error of 5 MB whose text carries the key across the 500 characters the message keeps.
    const secret = 'sk-secret-0123456789abcdefghij';
    const transport = fakeTransport([
      text('a'),
      frame({ error: { message: `${'m'.repeat(490)}${secret}${'z'.repeat(5_000_000)}` } }),
      done,
    ]);
    transport.redact = (value) => value.split(secret).join('[REDACTED]');
    const provider = (await createStreamingResponse(transport, 'sse', chatAdapter()).final.catch(
      (caught: unknown) => caught,
    )) as CompletionError;
    expect(provider).toMatchObject({ kind: 'provider' });
    expect(provider.message).toBe(`${'m'.repeat(490)}[REDACTED]…`);
  });

  it('raises a response error on a malformed frame, after the items before it', async () => {
    const transport = fakeTransport([text('a') + 'data: {"choices": [\n\n' + text('b')]);
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const { items, error } = await collectUntilError(stream);
    expect(items).toEqual([{ type: 'text', text: 'a' }]);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a frame that is not valid JSON: {"choices": [',
    });
    expect(transport.aborted).toEqual([error]);
  });

  it('surfaces an in-stream provider error as the adapter raised it', async () => {
    const stream = createStreamingResponse(
      fakeTransport([text('a'), frame({ error: { message: 'overloaded' } }), done]),
      'sse',
      chatAdapter(),
    );
    await expect(stream.final).rejects.toMatchObject({ kind: 'provider', message: 'overloaded' });
  });

  it('hands errors raised while decoding to the transport, and lets it redact a frame before it is cut', async () => {
    const secret = 'sk-secret-0123456789abcdefghij';
    const redact = (value: string) => value.split(secret).join('[REDACTED]');
    const transport = fakeTransport([text('a'), frame({ error: { message: `bad key ${secret}` } }), done]);
    const mapped: unknown[] = [];
    transport.mapError = (error) => {
      mapped.push(error);
      return CompletionError.isInstance(error)
        ? new CompletionError({ kind: 'provider', message: redact(error.message) })
        : error;
    };
    await expect(createStreamingResponse(transport, 'sse', chatAdapter()).final).rejects.toMatchObject({
      kind: 'provider',
      message: 'bad key [REDACTED]',
    });
    expect(mapped).toHaveLength(1);

    // The key starts 20 characters before the 200 a malformed frame's message keeps.
    const malformed = fakeTransport([text('a'), `data: {"x":"${'y'.repeat(200 - 26)}${secret}"\n\n`, done]);
    malformed.redact = redact;
    const error = await createStreamingResponse(malformed, 'sse', chatAdapter()).final.catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed', body: `{"x":"${'y'.repeat(174)}[REDACTED]"` });
    expect((error as Error).message).toBe(
      `stream sent a frame that is not valid JSON: {"x":"${'y'.repeat(174)}[REDACTED]"`,
    );
  });

  it('turns an adapter that cannot read a frame of an unexpected shape into a malformed response error', async () => {
    const stream = createStreamingResponse(
      fakeTransport([text('a'), frame({ choices: null }), done]),
      'sse',
      chatAdapter(),
    );
    const { items, error } = await collectUntilError(stream);
    expect(items).toEqual([{ type: 'text', text: 'a' }]);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      isRetryable: false,
      message: 'stream sent a "message" frame that rig-ts cannot read: chunk.choices is not iterable',
    });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    const ndjson = createStreamingResponse(fakeTransport(['{"message":null}\n']), 'ndjson', {
      onFrame(data, _event, accumulator) {
        accumulator.text((data as { message: { content: string } }).message.content);
      },
    });
    await expect(ndjson.final).rejects.toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: "stream sent a line that rig-ts cannot read: Cannot read properties of null (reading 'content')",
    });
  });

  it('ends the iterator with the transport error when the connection breaks', async () => {
    const transport = fakeTransport([text('a')], { open: true });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { type: 'text', text: 'a' }, done: false });
    const broken = new CompletionError({ kind: 'http', message: 'connection reset' });
    const pending = iterator.next();
    transport.fail(broken);
    await expect(pending).rejects.toBe(broken);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('cancel() aborts the request, ends iteration quietly and rejects final', async () => {
    const transport = fakeTransport([text('a')], { open: true });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const final = stream.final;
    const pending = iterator.next();
    stream.cancel('user stop');
    expect(await pending).toEqual({ value: undefined, done: true });
    await expect(final).rejects.toBe('user stop');
    expect(transport.aborted).toEqual(['user stop']);
    expect(transport.settled).toBe(1);
  });

  it('breaking out of for-await cancels the stream', async () => {
    const transport = fakeTransport([text('a'), text('b')], { open: true });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    for await (const item of stream) {
      expect(item).toEqual({ type: 'text', text: 'a' });
      break;
    }
    expect(transport.aborted).toHaveLength(1);
    expect(transport.settled).toBe(1);
  });

  it('fails with an http error naming the idle timeout when the server stalls', async () => {
    const transport = fakeTransport([text('a')], { open: true, idleTimeoutMs: 50 });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const started = Date.now();
    const error = await stream.final.catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      isRetryable: true,
      message: 'stream idle timeout: no data from the provider for 50 ms (idleTimeoutMs)',
    });
    expect(transport.aborted).toEqual([error]);
  });

  it('fails with the idle timeout, not a truncation, when aborting the request ends the body quietly', async () => {
    // fetch errors the body some time after its signal aborts; by then cancelling the reader has already ended the
    // pending read with `done`, which must not read as a stream that ended without its end event.
    const transport = fakeTransport([text('a')], { open: true, idleTimeoutMs: 50 });
    transport.abort = (reason) => {
      transport.aborted.push(reason);
    };
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      isRetryable: true,
      message: 'stream idle timeout: no data from the provider for 50 ms (idleTimeoutMs)',
    });
    expect(transport.aborted).toEqual([error]);
    expect(transport.settled).toBe(1);
  });

  it('does not count a slow consumer as an idle server', async () => {
    const transport = fakeTransport([text('a'), text('b'), finish, usageFrame, done], { idleTimeoutMs: 30 });
    const stream = createStreamingResponse(transport, 'sse', chatAdapter());
    const texts: string[] = [];
    for await (const piece of stream.textStream) {
      texts.push(piece);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(texts).toEqual(['a', 'b']);
  });

  it('decodes NDJSON bodies', async () => {
    const adapter: StreamAdapter = {
      onFrame(data, event, accumulator) {
        const value = data as { message?: { content: string }; done: boolean };
        expect(event).toBe('');
        if (value.message) accumulator.text(value.message.content);
        if (value.done) {
          accumulator.finishReason = 'stop';
          accumulator.end();
        }
      },
    };
    const stream = createStreamingResponse(
      fakeTransport(['{"message":{"content":"a"},"done":false}\n{"message":{"content":"b"},', '"done":true}']),
      'ndjson',
      adapter,
    );
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'ab' }]);
  });
});
