import { Message, type StreamedAssistantContent } from '@rig-ts/core';
import { StreamingResponse } from '@rig-ts/streaming';
import { MockCompletionModel } from '@rig-ts/testkit';
import { WeatherArguments } from '@rig-ts/test-schemas';
import { describe, expect, it } from 'vitest';
import { streamedTexts } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { tool } from './tool.js';

const weather = tool({
  name: 'weather',
  description: 'weather',
  parameters: WeatherArguments,
  execute: ({ city }) => `sunny in ${city}`,
});

async function collect(stream: AsyncIterable<StreamedAssistantContent>): Promise<StreamedAssistantContent[]> {
  const items: StreamedAssistantContent[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe('agent streaming across turns', () => {
  it('yields every turn’s items, the tool results, then one final item with the summed usage', async () => {
    const model = new MockCompletionModel([
      {
        reasoning: 'need weather',
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Rome' } }],
        usage: { promptTokens: 10, completionTokens: 4, totalTokens: 14 },
      },
      { text: 'It is sunny in Rome.', usage: { promptTokens: 20, completionTokens: 6, totalTokens: 26 } },
    ]);
    const stream = await new AgentBuilder(model).tool(weather).build().streamPrompt('Rome?');
    const items = await collect(stream);
    const kinds = items.map((item) => item.type);
    expect(kinds.filter((kind) => kind === 'final')).toEqual(['final']);
    expect(kinds.at(-1)).toBe('final');
    expect(kinds.indexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('tool-call'));
    expect(kinds.indexOf('tool-call')).toBeLessThan(kinds.indexOf('tool-result'));
    expect(kinds.indexOf('tool-result')).toBeLessThan(kinds.indexOf('text'));
    expect(items.find((item) => item.type === 'tool-result')).toEqual({
      type: 'tool-result',
      toolResult: {
        type: 'tool-result',
        id: 'call_1',
        name: 'weather',
        content: [{ type: 'text', text: 'sunny in Rome' }],
      },
    });
    expect(streamedTexts(items).join('')).toBe('It is sunny in Rome.');
    const final = items.at(-1) as Extract<StreamedAssistantContent, { type: 'final' }>;
    expect(final.usage).toEqual({ promptTokens: 30, completionTokens: 10, totalTokens: 40, reasoningTokens: 3 });
    expect(final.response.choice).toEqual([{ type: 'text', text: 'It is sunny in Rome.' }]);
    expect(await stream.final).toBe(final.response);
    expect(stream.usage()).toEqual(final.usage);
    expect(model.calls.map((call) => call.method)).toEqual(['stream', 'stream']);
  });

  it('final alone runs the whole stream; textStream gives the text of every turn', async () => {
    const turns = [{ text: 'Let me check. ', toolCalls: [{ name: 'weather', arguments: { city: 'Oslo' } }] }, 'Cold.'];
    const model = new MockCompletionModel([...turns, ...turns]);
    const agent = new AgentBuilder(model).tool(weather).build();
    expect((await (await agent.streamPrompt('Oslo?')).final).choice).toEqual([{ type: 'text', text: 'Cold.' }]);
    const texts: string[] = [];
    for await (const text of (await agent.streamChat('Oslo?', [Message.user('hi')])).textStream) texts.push(text);
    expect(texts.join('')).toBe('Let me check. Cold.');
  });

  it('surfaces a failing turn as a PromptError and refuses a second consumer', async () => {
    const model = new MockCompletionModel([{ text: 'partial', truncate: true }]);
    const stream = await new AgentBuilder(model).build().streamPrompt('x');
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'completion', cause: { kind: 'response', reason: 'truncated' } });
    await expect(stream.final).rejects.toBe(error);
    const second = await new AgentBuilder(new MockCompletionModel(['ok'])).build().streamPrompt('x');
    await second.final;
    await expect(collect(second)).rejects.toThrow('this stream is already being consumed');
  });

  it('cancel() stops the run quietly and aborts the model stream', async () => {
    const model = new MockCompletionModel([{ text: 'one two three four five six', delayMs: 30 }]);
    const stream = await new AgentBuilder(model).build().streamPrompt('x');
    const items: StreamedAssistantContent[] = [];
    for await (const item of stream) {
      items.push(item);
      if (items.length === 2) stream.cancel();
    }
    expect(items).toHaveLength(2);
    await expect(stream.final).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('the caller’s signal ends the iteration and final with the signal’s reason', async () => {
    const controller = new AbortController();
    const model = new MockCompletionModel([{ text: 'one two three four five six', delayMs: 30 }]);
    const stream = await new AgentBuilder(model).build().streamPrompt('x', { signal: controller.signal });
    setTimeout(() => controller.abort('user'), 50);
    await expect(collect(stream)).rejects.toBe('user');
    await expect(stream.final).rejects.toBe('user');
  });

  it('enforces maxTurns while streaming', async () => {
    const model = new MockCompletionModel(() => ({ toolCalls: [{ name: 'weather', arguments: { city: 'X' } }] }));
    const stream = await new AgentBuilder(model).tool(weather).defaultMaxTurns(2).build().streamPrompt('x');
    await expect(collect(stream)).rejects.toMatchObject({ kind: 'max-turns', maxTurns: 2 });
  });

  it('is the streaming package’s StreamingResponse, and destructuring final beside textStream leaves the loop every piece', async () => {
    const model = new MockCompletionModel([
      { text: 'Let me check. ', toolCalls: [{ name: 'weather', arguments: { city: 'Oslo' } }] },
      'Cold.',
    ]);
    const stream = await new AgentBuilder(model).tool(weather).build().streamPrompt('Oslo?');
    expect(stream).toBeInstanceOf(StreamingResponse);
    const { textStream, final } = stream;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(model.calls).toHaveLength(0);
    const texts: string[] = [];
    for await (const text of textStream) texts.push(text);
    expect(texts.join('')).toBe('Let me check. Cold.');
    expect((await final).choice).toEqual([{ type: 'text', text: 'Cold.' }]);
    expect(model.calls).toHaveLength(2);
  });

  it('toReadableStream gives the same items', async () => {
    const stream = await new AgentBuilder(new MockCompletionModel(['a b'])).build().streamPrompt('x');
    const reader = stream.toReadableStream().getReader();
    const kinds: string[] = [];
    for (;;) {
      const result = await reader.read();
      if (result.done) break;
      kinds.push(result.value.type);
    }
    expect(kinds).toEqual(['text', 'text', 'final']);
  });
});
