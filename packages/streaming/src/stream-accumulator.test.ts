import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { StreamAccumulator } from './stream-accumulator.js';

const usage = { promptTokens: 5, completionTokens: 7, totalTokens: 12 };

describe('StreamAccumulator', () => {
  it('joins text deltas of one block and emits each delta', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('Hel');
    accumulator.text('');
    accumulator.text('lo');
    accumulator.usage = usage;
    accumulator.finishReason = 'stop';
    accumulator.rawFinishReason = 'stop';
    accumulator.id = 'resp_1';
    accumulator.model = 'gpt-test';
    accumulator.requestId = 'req_1';
    accumulator.rawResponse = { raw: 1 };
    accumulator.end();
    const response = accumulator.finish();
    expect(response).toEqual({
      choice: [{ type: 'text', text: 'Hello' }],
      usage,
      finishReason: 'stop',
      rawFinishReason: 'stop',
      id: 'resp_1',
      model: 'gpt-test',
      requestId: 'req_1',
      rawResponse: { raw: 1 },
    });
    expect(accumulator.items).toEqual([
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
      { type: 'final', usage, finishReason: 'stop', rawFinishReason: 'stop', response },
    ]);
  });

  it('keeps text blocks with different keys apart and attaches metadata', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('a', 'msg_1');
    accumulator.text('b', 'msg_2');
    accumulator.textMetadata({ annotations: [1] }, 'msg_1');
    accumulator.text('c', 'msg_2');
    accumulator.finishReason = 'stop';
    expect(accumulator.finish().choice).toEqual([
      { type: 'text', text: 'a', providerMetadata: { annotations: [1] } },
      { type: 'text', text: 'bc' },
    ]);
  });

  it('assembles interleaved parallel tool calls and parses each once', () => {
    const accumulator = new StreamAccumulator();
    accumulator.toolCallStart('0', { id: 'call_a', name: 'weather' });
    accumulator.toolCallStart('1', { id: 'call_b', name: 'time', callId: 'x' });
    accumulator.toolCallDelta('0', '{"city":');
    accumulator.toolCallDelta('1', '{"zone"');
    accumulator.toolCallDelta('0', '"Paris"}');
    accumulator.toolCallDelta('1', ':"CET"}');
    accumulator.toolCallEnd('1');
    accumulator.toolCallEnd('0');
    accumulator.finishReason = 'stop';
    const response = accumulator.finish();
    expect(response.choice).toEqual([
      { type: 'tool-call', id: 'call_a', function: { name: 'weather', arguments: { city: 'Paris' } } },
      { type: 'tool-call', id: 'call_b', callId: 'x', function: { name: 'time', arguments: { zone: 'CET' } } },
    ]);
    expect(response.finishReason).toBe('tool-calls');
    expect(accumulator.items.slice(0, 8)).toEqual([
      { type: 'tool-call-delta', id: 'call_a', name: 'weather', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'call_b', name: 'time', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'call_a', argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', id: 'call_b', argumentsDelta: '{"zone"' },
      { type: 'tool-call-delta', id: 'call_a', argumentsDelta: '"Paris"}' },
      { type: 'tool-call-delta', id: 'call_b', argumentsDelta: ':"CET"}' },
      {
        type: 'tool-call',
        toolCall: {
          type: 'tool-call',
          id: 'call_b',
          callId: 'x',
          function: { name: 'time', arguments: { zone: 'CET' } },
        },
      },
      {
        type: 'tool-call',
        toolCall: { type: 'tool-call', id: 'call_a', function: { name: 'weather', arguments: { city: 'Paris' } } },
      },
    ]);
  });

  it('prefers the full arguments a provider repeats at the end, and reads empty arguments as {}', () => {
    const accumulator = new StreamAccumulator();
    accumulator.toolCallStart('a', { id: '1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    accumulator.toolCallEnd('a', '{"x":1}');
    accumulator.toolCallStart('b', { id: '2', name: 'g' });
    accumulator.finishReason = 'tool-calls';
    expect(accumulator.finish().choice).toEqual([
      { type: 'tool-call', id: '1', function: { name: 'f', arguments: { x: 1 } } },
      { type: 'tool-call', id: '2', function: { name: 'g', arguments: {} } },
    ]);
  });

  it('takes arguments the provider gives already parsed, over the pieces, and emits the call once', () => {
    const accumulator = new StreamAccumulator();
    accumulator.toolCallStart('a', { id: '1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    const args = { x: [1, 2] };
    accumulator.toolCallArguments('a', args);
    accumulator.toolCallArguments('a', { ignored: true });
    accumulator.finishReason = 'tool-calls';
    const [call] = accumulator.finish().choice;
    expect(call).toEqual({ type: 'tool-call', id: '1', function: { name: 'f', arguments: { x: [1, 2] } } });
    expect(call?.type === 'tool-call' && call.function.arguments).toBe(args);
    expect(accumulator.items.filter((item) => item.type === 'tool-call')).toHaveLength(1);
  });

  it('keeps a complete call whose arguments are not JSON, with the text as written, for an agent to answer', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('Calling.');
    accumulator.toolCallStart('a', { id: 'call_1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    accumulator.toolCallDelta('a', ' oops}');
    accumulator.toolCallEnd('a');
    expect(accumulator.hasToolCall('a')).toBe(true);
    // Not yet an item: the finish reason (known at the end) tells a cut call from a whole one.
    expect(accumulator.items.filter((item) => item.type === 'tool-call')).toEqual([]);
    const call = {
      type: 'tool-call',
      id: 'call_1',
      function: { name: 'f', arguments: {} },
      unparseableArguments: '{"x": oops}',
    };
    accumulator.finishReason = 'tool-calls';
    expect(accumulator.finish().choice).toEqual([{ type: 'text', text: 'Calling.' }, call]);
    expect(accumulator.items.filter((item) => item.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCall: call },
    ]);
    const whole = new StreamAccumulator();
    whole.toolCallStart('b', { id: 'call_2', name: 'g' });
    whole.toolCallDelta('b', 'not json');
    whole.finishReason = 'stop';
    expect(whole.finish().choice).toEqual([
      { type: 'tool-call', id: 'call_2', function: { name: 'g', arguments: {} }, unparseableArguments: 'not json' },
    ]);
  });

  it('reports as cut a call whose invalid arguments ended before the finish reason came (Chat Completions, Responses)', () => {
    const accumulator = new StreamAccumulator();
    accumulator.toolCallStart('0', { id: 'call_1', name: 'f' });
    accumulator.toolCallDelta('0', '{"city": "Par');
    accumulator.toolCallEnd('0', '{"city": "Pari');
    accumulator.finishReason = 'length';
    const response = accumulator.finish();
    expect(response.warnings).toEqual([
      expect.objectContaining({
        type: 'tool-call-cut',
        toolCall: { id: 'call_1', name: 'f', partialArguments: '{"city": "Pari' },
      }),
    ]);
    expect(response.finishReason).toBe('length');
  });

  it('leaves out a call cut off by the token limit, keeps the text and the complete calls, and reports the cut call', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('partial');
    accumulator.toolCallStart('b', { id: 'call_0', name: 'g' });
    accumulator.toolCallDelta('b', '{}');
    accumulator.toolCallEnd('b');
    accumulator.toolCallStart('a', { id: 'fc_1', callId: 'call_1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    accumulator.toolCallDelta('a', ' [1, 2');
    accumulator.finishReason = 'length';
    accumulator.rawFinishReason = 'max_tokens';
    const response = accumulator.finish();
    expect(response).toEqual({
      choice: [
        { type: 'text', text: 'partial' },
        { type: 'tool-call', id: 'call_0', function: { name: 'g', arguments: {} } },
      ],
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'length',
      rawFinishReason: 'max_tokens',
      rawResponse: undefined,
      warnings: [
        {
          type: 'tool-call-cut',
          message:
            'tool call "f" (fc_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
          toolCall: { id: 'fc_1', callId: 'call_1', name: 'f', partialArguments: '{"x": [1, 2' },
        },
      ],
    });
    // Its fragments were streamed; no completed tool-call item follows them.
    expect(accumulator.items.filter((item) => item.type === 'tool-call').map((item) => item.toolCall.id)).toEqual([
      'call_0',
    ]);
    expect(accumulator.items.at(-1)).toEqual({
      type: 'final',
      usage: response.usage,
      finishReason: 'length',
      rawFinishReason: 'max_tokens',
      response,
    });
  });

  it('keeps a call with invalid arguments when the turn did not hit the token limit', () => {
    const accumulator = new StreamAccumulator();
    accumulator.toolCallStart('a', { id: 'call_1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    accumulator.finishReason = 'stop';
    expect(accumulator.finish()).toMatchObject({
      choice: [
        { type: 'tool-call', id: 'call_1', function: { name: 'f', arguments: {} }, unparseableArguments: '{"x":' },
      ],
      finishReason: 'tool-calls',
    });
  });

  it('rejects arguments for a call that never started', () => {
    expect(() => new StreamAccumulator().toolCallDelta('9', '{}')).toThrow(
      'stream sent arguments for unknown tool call "9"',
    );
  });

  it('builds reasoning from deltas and a signature, or takes the provider block', () => {
    const accumulator = new StreamAccumulator();
    accumulator.reasoningDelta('r0', 'think', { id: 'rs_1' });
    accumulator.reasoningDelta('r0', 'ing');
    accumulator.reasoningSignature('r0', 'sig');
    accumulator.reasoningEnd('r0');
    accumulator.reasoningDelta('r1', 'sum', { kind: 'summary' });
    accumulator.reasoningEnd('r1', {
      type: 'reasoning',
      id: 'rs_2',
      content: [
        { type: 'summary', text: 'sum' },
        { type: 'encrypted', data: 'enc' },
      ],
    });
    accumulator.text('answer');
    accumulator.finishReason = 'stop';
    const response = accumulator.finish();
    expect(response.choice).toEqual([
      { type: 'reasoning', id: 'rs_1', content: [{ type: 'text', text: 'thinking', signature: 'sig' }] },
      {
        type: 'reasoning',
        id: 'rs_2',
        content: [
          { type: 'summary', text: 'sum' },
          { type: 'encrypted', data: 'enc' },
        ],
      },
      { type: 'text', text: 'answer' },
    ]);
    expect(accumulator.items.filter((item) => item.type === 'reasoning-delta')).toEqual([
      { type: 'reasoning-delta', id: 'rs_1', text: 'think' },
      { type: 'reasoning-delta', id: 'rs_1', text: 'ing' },
      { type: 'reasoning-delta', text: 'sum' },
    ]);
  });

  it('closes reasoning left open at the end', () => {
    const accumulator = new StreamAccumulator();
    accumulator.reasoningDelta('r', 'hmm');
    accumulator.finishReason = 'stop';
    expect(accumulator.finish().choice).toEqual([{ type: 'reasoning', content: [{ type: 'text', text: 'hmm' }] }]);
  });

  it('refuses an answer without content that finished normally as an empty response, naming the source', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('');
    accumulator.finishReason = 'stop';
    accumulator.rawFinishReason = 'end_turn';
    let error: unknown;
    try {
      accumulator.finish();
    } catch (caught) {
      error = caught;
    }
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'empty',
      isRetryable: false,
      message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "end_turn")',
    });
    expect(accumulator.items).toEqual([]);
    const json = new StreamAccumulator();
    json.finishReason = 'other';
    expect(() => json.finish('Gemini')).toThrow(
      'Gemini sent an empty answer: no text, tool call or reasoning (finish reason "other")',
    );
  });

  it('reports an empty answer the token limit or a content filter explains as one empty text block and zero usage', () => {
    for (const finishReason of ['length', 'content-filter'] as const) {
      const accumulator = new StreamAccumulator();
      accumulator.finishReason = finishReason;
      expect(accumulator.finish()).toEqual({
        choice: [{ type: 'text', text: '' }],
        usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
        finishReason,
        rawResponse: undefined,
      });
    }
  });

  it('accepts an answer whose only output is kept in the raw response (a hosted tool call)', () => {
    const accumulator = new StreamAccumulator();
    accumulator.rawOnlyOutput = true;
    accumulator.finishReason = 'stop';
    expect(accumulator.finish().choice).toEqual([{ type: 'text', text: '' }]);
  });

  it('queues no items but still builds the response when items are not wanted', () => {
    const accumulator = new StreamAccumulator();
    accumulator.emitItems = false;
    accumulator.text('x');
    accumulator.toolCall({ type: 'tool-call', id: '1', function: { name: 'f', arguments: {} } });
    accumulator.finishReason = 'stop';
    const response = accumulator.finish();
    expect(response.choice).toEqual([
      { type: 'text', text: 'x' },
      { type: 'tool-call', id: '1', function: { name: 'f', arguments: {} } },
    ]);
    expect(accumulator.items.map((item) => item.type)).toEqual(['final']);
  });
});
