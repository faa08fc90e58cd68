import * as anthropic from '@rig-ts/anthropic';
import { addUsage, emptyUsage, type CompletionModel } from '@rig-ts/core';
import * as openai from '@rig-ts/openai';
import { SentimentAnalysis, WeatherArguments } from '@rig-ts/test-schemas';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import { tool } from './tool.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.close();
});

const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: WeatherArguments,
  execute: ({ city }) => `21 degrees and sunny in ${city}`,
});

const models: [string, () => CompletionModel][] = [
  [
    'OpenAI Responses',
    () => new openai.Client({ apiKey: 'sk-test', baseURL: simulator.baseURLs.openai }).completionModel('gpt-4o'),
  ],
  [
    'OpenAI Chat Completions',
    () =>
      openai.chatCompletionsModel(
        new openai.Client({ apiKey: 'sk-test', baseURL: simulator.baseURLs.openai }),
        'gpt-4o',
      ),
  ],
  [
    'Anthropic Messages',
    () =>
      new anthropic.Client({ apiKey: 'sk-ant-test', baseURL: simulator.baseURLs.anthropic }).completionModel(
        'claude-sonnet-4-5',
      ),
  ],
];

describe.each(models)('a tool-calling agent over the real %s package and wire', (_name, makeModel) => {
  // The simulator's model calls the named tool with arguments taken from the prompt where its schema allows (the city
  // named), then answers from the tool's result.
  it('runs the round trip and sums usage across turns', async () => {
    const agent = new AgentBuilder(makeModel()).preamble('Use tools.').tool(weather).build();
    const response = await agent.prompt('What is the weather in Paris?', { extendedDetails: true });
    expect(response.output).toBe('The weather tool returned: 21 degrees and sunny in Paris');
    expect(response.calls.map((call) => call.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(response.usage).toEqual(response.calls.reduce((sum, call) => addUsage(sum, call.usage), emptyUsage()));
    expect(response.usage.totalTokens).toBeGreaterThan(0);
    expect(response.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('streams the round trip', async () => {
    const agent = new AgentBuilder(makeModel()).tool(weather).build();
    const stream = await agent.streamPrompt('What is the weather in Rome?');
    const kinds: string[] = [];
    let text = '';
    for await (const item of stream) {
      kinds.push(item.type);
      if (item.type === 'text') text += item.text;
    }
    expect(text).toBe('The weather tool returned: 21 degrees and sunny in Rome');
    expect(kinds.indexOf('tool-call')).toBeLessThan(kinds.indexOf('tool-result'));
    expect(kinds.at(-1)).toBe('final');
    const final = await stream.final;
    expect(final.usage.totalTokens).toBeGreaterThan(0);
    expect(final.finishReason).toBe('stop');
  });

  it('returns a typed answer from the native structured output', async () => {
    const result = await new AgentBuilder(makeModel())
      .build()
      .promptTyped(SentimentAnalysis, "Analyze the sentiment of: 'I love this product!'");
    expect(typeof result.score).toBe('number');
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(typeof result.label).toBe('string');
  });
});
