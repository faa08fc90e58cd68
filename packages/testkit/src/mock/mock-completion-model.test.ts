import {
  CompletionError,
  Message,
  OneOrMany,
  PromptError,
  RigError,
  type CompletionRequest,
  type StreamedAssistantContent,
} from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { MockCompletionModel } from './mock-completion-model.js';

function request(prompt: string, extra: Partial<CompletionRequest> = {}): CompletionRequest {
  return { chatHistory: OneOrMany.one(Message.user(prompt)), documents: [], tools: [], ...extra };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('MockCompletionModel', () => {
  it('answers a text turn and records the call', async () => {
    const model = new MockCompletionModel(['Hello there, friend.']);
    const controller = new AbortController();
    const sent = request('Say hello', { preamble: 'Be kind' });
    const response = await model.completion(sent, { signal: controller.signal, headers: { 'x-test': '1' } });
    expect(response).toEqual({
      choice: [{ type: 'text', text: 'Hello there, friend.' }],
      // "Be kind" + "Say hello" = 16 characters → 4 tokens; the answer's 20 characters → 5 tokens.
      usage: { promptTokens: 4, completionTokens: 5, totalTokens: 9 },
      finishReason: 'stop',
      model: 'mock-model',
      rawResponse: { index: 0, turn: { text: 'Hello there, friend.' } },
    });
    expect(model.calls).toEqual([
      {
        method: 'completion',
        request: sent,
        options: { signal: controller.signal, headers: { 'x-test': '1' } },
        index: 0,
      },
    ]);
    expect(model.requests).toEqual([sent]);
    expect(model.remaining).toBe(0);
    expect(model.provider).toBe('mock');
    expect(model.modelId).toBe('mock-model');
  });

  it('streams a text turn word by word; the aggregate equals the non-streamed answer', async () => {
    const turn = { text: 'The capital of France is Paris.' };
    const model = new MockCompletionModel([turn, turn], { modelId: 'tiny', provider: 'fake' });
    const stream = await model.stream(request('Capital of France?'));
    const items = await collect(stream);
    const nonStreamed = await model.completion(request('Capital of France?'));
    // Equal but for rawResponse, which names the call that answered.
    expect(nonStreamed.rawResponse).toEqual({ index: 1, turn });
    const expected = { ...nonStreamed, rawResponse: { index: 0, turn } };
    expect(items).toEqual([
      { type: 'text', text: 'The' },
      { type: 'text', text: ' capital' },
      { type: 'text', text: ' of' },
      { type: 'text', text: ' France' },
      { type: 'text', text: ' is' },
      { type: 'text', text: ' Paris.' },
      {
        type: 'final',
        usage: { promptTokens: 5, completionTokens: 8, totalTokens: 13 },
        finishReason: 'stop',
        response: expected,
      },
    ]);
    expect(await stream.final).toEqual(expected);
    expect(stream.usage()).toEqual({ promptTokens: 5, completionTokens: 8, totalTokens: 13 });
    expect(model.calls.map((call) => call.method)).toEqual(['stream', 'completion']);
    expect(nonStreamed.model).toBe('tiny');
  });

  it('streams text in chunkSize pieces; textStream gives only the text', async () => {
    const model = new MockCompletionModel([{ text: 'abcdefgh', chunkSize: 3 }]);
    const stream = await model.stream(request('x'));
    expect(await collect(stream.textStream)).toEqual(['abc', 'def', 'gh']);
  });

  it('tool calls stream as deltas then complete calls; finish reason tool-calls', async () => {
    const model = new MockCompletionModel([
      {
        text: 'Checking.',
        toolCalls: [
          { name: 'get_weather', arguments: { city: 'Paris' } },
          { id: 'fixed', callId: 'call_abc', name: 'get_time' },
        ],
      },
    ]);
    const stream = await model.stream(request('Weather?'));
    const items = await collect(stream);
    const weather = {
      type: 'tool-call',
      id: 'call_1_0',
      function: { name: 'get_weather', arguments: { city: 'Paris' } },
    };
    const time = { type: 'tool-call', id: 'fixed', callId: 'call_abc', function: { name: 'get_time', arguments: {} } };
    expect(items.slice(0, -1)).toEqual([
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call-delta', id: 'call_1_0', name: 'get_weather', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'call_1_0', argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call', toolCall: weather },
      { type: 'tool-call-delta', id: 'fixed', name: 'get_time', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'fixed', argumentsDelta: '{}' },
      { type: 'tool-call', toolCall: time },
    ]);
    const final = await stream.final;
    expect(final.choice).toEqual([{ type: 'text', text: 'Checking.' }, weather, time]);
    expect(final.finishReason).toBe('tool-calls');
    // "Checking." 9 + "get_weather" 11 + 16 + "get_time" 8 + 2 = 46 characters → 12 tokens.
    expect(final.usage).toEqual({ promptTokens: 2, completionTokens: 12, totalTokens: 14 });
  });

  it('reasoning as text, then as a whole block with its signature', async () => {
    const block = {
      type: 'reasoning' as const,
      id: 'rs_1',
      content: [{ type: 'text' as const, text: 'Think hard', signature: 'sig==' }],
    };
    const model = new MockCompletionModel([
      { reasoning: 'Let me think', text: 'Done' },
      { reasoning: block, text: 'Done' },
    ]);
    const first = await collect(await model.stream(request('q')));
    expect(first.slice(0, -1)).toEqual([
      { type: 'reasoning-delta', text: 'Let' },
      { type: 'reasoning-delta', text: ' me' },
      { type: 'reasoning-delta', text: ' think' },
      { type: 'reasoning', reasoning: { type: 'reasoning', content: [{ type: 'text', text: 'Let me think' }] } },
      { type: 'text', text: 'Done' },
    ]);
    expect(first.at(-1)).toMatchObject({
      type: 'final',
      usage: { promptTokens: 1, completionTokens: 4, totalTokens: 5, reasoningTokens: 3 },
    });
    const second = await model.completion(request('q'));
    expect(second.choice).toEqual([block, { type: 'text', text: 'Done' }]);
  });

  it('given usage counts win; the others are estimated', async () => {
    const model = new MockCompletionModel([
      { text: 'abcd', usage: { promptTokens: 100, cachedPromptTokens: 40 } },
      { text: 'x', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 10 } },
    ]);
    expect((await model.completion(request('q'))).usage).toEqual({
      promptTokens: 100,
      completionTokens: 1,
      totalTokens: 101,
      cachedPromptTokens: 40,
    });
    expect((await model.completion(request('q'))).usage).toEqual({
      promptTokens: 1,
      completionTokens: 2,
      totalTokens: 10,
    });
  });

  it('finish reason, raw finish reason and id can be scripted', async () => {
    const model = new MockCompletionModel([
      { text: 'cut', finishReason: 'length', rawFinishReason: 'max_tokens', id: 'resp_1' },
    ]);
    const response = await model.completion(request('q'));
    expect(response).toMatchObject({ finishReason: 'length', rawFinishReason: 'max_tokens', id: 'resp_1' });
  });

  it('an error turn rejects completion() and stream() with that error', async () => {
    const error = new CompletionError({ kind: 'http', status: 429, message: 'rate limited', isRetryable: true });
    const model = new MockCompletionModel([{ error }, { error }]);
    expect(await failure(model.completion(request('q')))).toBe(error);
    expect(await failure(model.stream(request('q')))).toBe(error);
  });

  it('prompt() turns a scripted CompletionError into a PromptError', async () => {
    const error = new CompletionError({ kind: 'provider', message: 'overloaded' });
    const model = new MockCompletionModel([{ error }]);
    const caught = await failure(model.prompt('q'));
    expect(PromptError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'completion', message: 'overloaded', cause: error });
  });

  it('prompt() and chat() answer with the text and send the history', async () => {
    const model = new MockCompletionModel(['one', 'two']);
    expect(await model.prompt('first')).toBe('one');
    const history = [Message.user('first'), Message.assistant('one')];
    expect(await model.chat('second', history)).toBe('two');
    expect(model.requests[1]?.chatHistory).toEqual([...history, Message.user('second')]);
  });

  it('a stream error arrives after the content; final rejects with it', async () => {
    const error = new CompletionError({ kind: 'http', message: 'network error: terminated', isRetryable: true });
    const model = new MockCompletionModel([{ text: 'partial answer', streamError: error }]);
    const stream = await model.stream(request('q'));
    const items: StreamedAssistantContent[] = [];
    const caught = await failure(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(caught).toBe(error);
    expect(items).toEqual([
      { type: 'text', text: 'partial' },
      { type: 'text', text: ' answer' },
    ]);
    await expect(stream.final).rejects.toBe(error);
    expect(stream.usage()).toBeUndefined();
  });

  it('a truncated turn is a truncation error, never a success', async () => {
    const model = new MockCompletionModel([
      { text: 'partial', truncate: true },
      { text: 'partial', truncate: true },
    ]);
    const caught = await failure(model.completion(request('q')));
    expect(CompletionError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message: 'stream ended before the provider signalled completion (truncated response)',
    });
    const stream = await model.stream(request('q'));
    await expect(collect(stream)).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('explicit stream parts: a malformed frame is a malformed-response error', async () => {
    const model = new MockCompletionModel([
      { stream: [{ type: 'text', text: 'ok' }, { type: 'malformed', data: '{"type":"text","te' }, { type: 'finish' }] },
    ]);
    const stream = await model.stream(request('q'));
    const items: StreamedAssistantContent[] = [];
    const caught = await failure(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(items).toEqual([{ type: 'text', text: 'ok' }]);
    expect(caught).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a frame that is not valid JSON: {"type":"text","te',
    });
  });

  it('explicit stream parts: interleaved tool calls, reasoning with a signature, finish with partial usage', async () => {
    const model = new MockCompletionModel([
      {
        stream: [
          { type: 'reasoning', text: 'plan', id: 'r1' },
          { type: 'reasoning-end', id: 'r1', signature: 'abc' },
          { type: 'tool-call-start', id: 'a', name: 'first' },
          { type: 'tool-call-start', id: 'b', name: 'second' },
          { type: 'tool-call-delta', id: 'b', argumentsDelta: '{"y":' },
          { type: 'tool-call-delta', id: 'a', argumentsDelta: '{"x":1}' },
          { type: 'tool-call-delta', id: 'b', argumentsDelta: '2}' },
          { type: 'tool-call-end', id: 'b' },
          { type: 'tool-call-end', id: 'a' },
          { type: 'finish', finishReason: 'stop', usage: { promptTokens: 7 } },
        ],
      },
    ]);
    const response = await model.completion(request('q'));
    expect(response.choice).toEqual([
      { type: 'reasoning', id: 'r1', content: [{ type: 'text', text: 'plan', signature: 'abc' }] },
      { type: 'tool-call', id: 'a', function: { name: 'first', arguments: { x: 1 } } },
      { type: 'tool-call', id: 'b', function: { name: 'second', arguments: { y: 2 } } },
    ]);
    expect(response.usage).toEqual({ promptTokens: 7, completionTokens: 0, totalTokens: 7 });
    expect(response.finishReason).toBe('tool-calls');
  });

  it('throws a clear error when the script runs out', async () => {
    const model = new MockCompletionModel(['only one']);
    await model.completion(request('q'));
    const caught = await failure(model.stream(request('again')));
    expect(RigError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toBe(
      'MockCompletionModel "mock-model": no scripted turn left for call 2 (stream); the script has 1 turn. Add turns in the constructor or with push().',
    );
    expect(model.calls).toHaveLength(2);
    model.push('another');
    expect(await model.prompt('third')).toBe('another');
  });

  it('a function script answers every call from the request', async () => {
    const model = new MockCompletionModel(
      (call) => `echo ${call.index}: ${call.request.chatHistory.length} message(s)`,
    );
    expect(await model.prompt('a')).toBe('echo 0: 1 message(s)');
    expect(await model.chat('b', [Message.user('a'), Message.assistant('x')])).toBe('echo 1: 3 message(s)');
    expect(model.remaining).toBe(Infinity);
    expect(() => model.push('x')).toThrow('MockCompletionModel: push() needs a script of turns, not a function');
  });

  it('a script entry may be a function of its call', async () => {
    const model = new MockCompletionModel(['fixed', async (call) => ({ text: `seen ${call.method}` })]);
    expect(await model.prompt('a')).toBe('fixed');
    expect(await collect((await model.streamPrompt('b')).textStream)).toEqual(['seen', ' stream']);
  });

  it('rejects an invalid request before answering, as providers do', async () => {
    const model = new MockCompletionModel(['never']);
    const caught = await failure(
      model.completion({ chatHistory: [] as unknown as CompletionRequest['chatHistory'], documents: [], tools: [] }),
    );
    expect(caught).toMatchObject({ kind: 'request', message: 'chatHistory is empty: a request needs a prompt' });
    expect(model.remaining).toBe(1);
  });

  it('waits latencyMs before answering and delayMs between pieces', async () => {
    const model = new MockCompletionModel([{ text: 'a b c', latencyMs: 40, delayMs: 30 }]);
    const started = Date.now();
    const stream = await model.stream(request('q'));
    const opened = Date.now() - started;
    const times: number[] = [];
    for await (const _text of stream.textStream) times.push(Date.now() - started);
    expect(opened).toBeGreaterThanOrEqual(35);
    expect(times).toHaveLength(3);
    // 40 ms of latency, then two 30 ms pauses (timers never fire early, so these are lower bounds).
    expect(times[2]!).toBeGreaterThanOrEqual(95);
  });

  it('an abort mid-stream ends the iteration with the signal reason', async () => {
    const model = new MockCompletionModel([{ text: 'one two three four', delayMs: 40 }]);
    const controller = new AbortController();
    const stream = await model.stream(request('q'), { signal: controller.signal });
    const texts: string[] = [];
    const reason = new Error('user cancelled');
    const caught = await failure(
      (async () => {
        for await (const text of stream.textStream) {
          texts.push(text);
          if (texts.length === 2) controller.abort(reason);
        }
      })(),
    );
    expect(caught).toBe(reason);
    expect(texts).toEqual(['one', ' two']);
  });

  it('an abort during the latency rejects with the reason; an aborted signal rejects at once', async () => {
    const model = new MockCompletionModel([{ text: 'late', latencyMs: 1000 }, 'never']);
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = model.completion(request('q'), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    const started = Date.now();
    expect(await failure(pending)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
    expect(await failure(model.completion(request('q'), { signal: AbortSignal.abort(reason) }))).toBe(reason);
  });

  it('an abort while a scripted responder runs rejects with the reason without waiting out the latency', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const model = new MockCompletionModel(() => {
      controller.abort(reason);
      return { text: 'late', latencyMs: 1000 };
    });
    const started = Date.now();
    expect(await failure(model.completion(request('q'), { signal: controller.signal }))).toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('cancel() stops a slow stream without error', async () => {
    const model = new MockCompletionModel([{ text: 'one two three', delayMs: 1000 }]);
    const stream = await model.stream(request('q'));
    const texts: string[] = [];
    const started = Date.now();
    for await (const text of stream.textStream) {
      texts.push(text);
      stream.cancel();
    }
    expect(texts).toEqual(['one']);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
