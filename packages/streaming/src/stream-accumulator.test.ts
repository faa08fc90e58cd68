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
      { type: 'tool-call', toolCall: { type: 'tool-call', id: 'call_b', callId: 'x', function: { name: 'time', arguments: { zone: 'CET' } } } },
      { type: 'tool-call', toolCall: { type: 'tool-call', id: 'call_a', function: { name: 'weather', arguments: { city: 'Paris' } } } },
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
    const call = { type: 'tool-call', id: 'call_1', function: { name: 'f', arguments: {} }, unparseableArguments: '{"x": oops}' };
    expect(accumulator.items.at(-1)).toEqual({ type: 'tool-call', toolCall: call });
    accumulator.finishReason = 'tool-calls';
    expect(accumulator.finish().choice).toEqual([{ type: 'text', text: 'Calling.' }, call]);
    const whole = new StreamAccumulator();
    whole.toolCallStart('b', { id: 'call_2', name: 'g' });
    whole.toolCallDelta('b', 'not json');
    whole.finishReason = 'stop';
    expect(whole.finish().choice).toEqual([{ type: 'tool-call', id: 'call_2', function: { name: 'g', arguments: {} }, unparseableArguments: 'not json' }]);
  });

  it('drops a call cut off by the token limit', () => {
    const accumulator = new StreamAccumulator();
    accumulator.text('partial');
    accumulator.toolCallStart('a', { id: 'call_1', name: 'f' });
    accumulator.toolCallDelta('a', '{"x":');
    accumulator.finishReason = 'length';
    expect(accumulator.finish().choice).toEqual([{ type: 'text', text: 'partial' }]);
  });

  it('rejects arguments for a call that never started', () => {
    expect(() => new StreamAccumulator().toolCallDelta('9', '{}')).toThrow('stream sent arguments for unknown tool call "9"');
  });

  it('builds reasoning from deltas and a signature, or takes the provider block', () => {
    const accumulator = new StreamAccumulator();
    accumulator.reasoningDelta('r0', 'think', { id: 'rs_1' });
    accumulator.reasoningDelta('r0', 'ing');
    accumulator.reasoningSignature('r0', 'sig');
    accumulator.reasoningEnd('r0');
    accumulator.reasoningDelta('r1', 'sum', { kind: 'summary' });
    accumulator.reasoningEnd('r1', { type: 'reasoning', id: 'rs_2', content: [{ type: 'summary', text: 'sum' }, { type: 'encrypted', data: 'enc' }] });
    accumulator.text('answer');
    accumulator.finishReason = 'stop';
    const response = accumulator.finish();
    expect(response.choice).toEqual([
      { type: 'reasoning', id: 'rs_1', content: [{ type: 'text', text: 'thinking', signature: 'sig' }] },
      { type: 'reasoning', id: 'rs_2', content: [{ type: 'summary', text: 'sum' }, { type: 'encrypted', data: 'enc' }] },
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

  it('reports an empty answer as one empty text block and zero usage when none came', () => {
    const accumulator = new StreamAccumulator();
    accumulator.finishReason = 'stop';
    expect(accumulator.finish()).toEqual({
      choice: [{ type: 'text', text: '' }],
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'stop',
      rawResponse: undefined,
    });
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
