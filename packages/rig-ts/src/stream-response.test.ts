import type { StreamedAssistantContent } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import {
  AgentBuilder,
  readStreamResponse,
  readTypedStreamResponse,
  streamTyped,
  tool,
  toStreamResponse,
} from './index.js';
import { SentimentAnalysis, WeatherArguments } from '@rig-ts/test-schemas';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const weather = tool({
  name: 'weather',
  description: 'weather',
  parameters: WeatherArguments,
  execute: ({ city }) => `sunny in ${city}`,
});

const turns = () => [
  {
    reasoning: 'need weather',
    toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Rome' } }],
    usage: { promptTokens: 10, completionTokens: 4, totalTokens: 14 },
  },
  { text: 'It is sunny in Rome.', usage: { promptTokens: 20, completionTokens: 6, totalTokens: 26 } },
];

describe('server → browser through the facade', () => {
  it('an agent run’s items, tool results across turns included, arrive deep-equal', async () => {
    const direct = await collect(
      await new AgentBuilder(new MockCompletionModel(turns())).tool(weather).build().streamPrompt('Rome?'),
    );
    const agent = new AgentBuilder(new MockCompletionModel(turns())).tool(weather).build();
    const stream = readStreamResponse(toStreamResponse(await agent.streamPrompt('Rome?'), { sendRawResponse: true }));
    const items = await collect(stream);
    expect(items).toEqual(JSON.parse(JSON.stringify(direct)) as StreamedAssistantContent[]);
    expect(items.map((item) => item.type)).toContain('tool-result');
    expect((await stream.final).usage).toEqual({
      promptTokens: 30,
      completionTokens: 10,
      totalTokens: 40,
      reasoningTokens: 3,
    });
  });

  it('a streamTyped stream’s partials and value arrive deep-equal, validated again with the generated schema', async () => {
    const answer = '{"score":0.8,"label":"positive"}';
    const direct = await streamTyped(
      new MockCompletionModel([{ text: answer, chunkSize: 3 }]),
      SentimentAnalysis,
      'Great!',
    );
    const partials: unknown[] = [];
    for await (const partial of direct) partials.push(structuredClone(partial));
    const served = await streamTyped(
      new MockCompletionModel([{ text: answer, chunkSize: 3 }]),
      SentimentAnalysis,
      'Great!',
    );
    const stream = readTypedStreamResponse(toStreamResponse(served), { schema: SentimentAnalysis });
    expect(await collect(stream)).toEqual(partials);
    expect(partials.length).toBeGreaterThan(3);
    expect(await stream.value).toEqual(await direct.value);
    expect((await stream.response).usage).toEqual((await direct.response).usage);
  });

  it('a typed answer that fails validation on the server arrives as its StructuredOutputError', async () => {
    const served = await streamTyped(
      new MockCompletionModel([{ text: '{"score":5,"label":"positive"}' }]),
      SentimentAnalysis,
      'Great!',
    );
    const stream = readTypedStreamResponse(toStreamResponse(served));
    await expect(collect(stream)).rejects.toMatchObject({
      name: 'StructuredOutputError.Validation',
      value: { score: 5, label: 'positive' },
      errors: [{ path: '/score', keyword: 'maximum' }],
    });
  });
});
