// The README's four usage examples, as runnable code against the simulator speaking the OpenAI wire.
import * as openai from '@rig-ts/openai';
import { SentimentAnalysis } from '@rig-ts/test-schemas';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentBuilder, Message, type Document, type ToolDefinition } from './index.js';

let simulator: Simulator;
let client: openai.Client;
beforeAll(async () => {
  simulator = await startSimulator();
  client = new openai.Client({ apiKey: 'sk-test', baseURL: simulator.baseURLs.openai });
});
afterAll(() => simulator.close());

describe("the README's usage examples", () => {
  it('Basic completion', async () => {
    const model = client.completionModel('gpt-4o');
    const response = await model.prompt('Explain quantum computing');
    expect(response).toBe(
      'You said: "Explain quantum computing". This is a simulated answer from the rig-ts simulator.',
    );
  });

  it('Contextual chat', async () => {
    const agent = new AgentBuilder(client.completionModel('gpt-4o')).preamble('You are a helpful assistant.').build();
    const chatResponse = await agent.chat('Continue the discussion', [Message.user('Previous context')]);
    expect(chatResponse).toBe(
      'You said: "Continue the discussion". This is a simulated answer from the rig-ts simulator.',
    );
    expect(simulator.requests.at(-1)?.body).toMatchObject({
      instructions: 'You are a helpful assistant.',
      input: [
        { role: 'user', content: 'Previous context' },
        { role: 'user', content: 'Continue the discussion' },
      ],
    });
  });

  it('Advanced request configuration', async () => {
    const model = client.completionModel('gpt-4o');
    const context: Document[] = [{ id: 'doc1', text: 'Qubits hold superpositions.' }];
    const availableTools: ToolDefinition[] = [
      {
        name: 'lookup',
        description: 'Look a term up',
        parameters: { type: 'object', properties: { term: { type: 'string' } }, required: ['term'] },
      },
    ];
    const response = await model
      .completionRequest('Complex query')
      .preamble('Expert system')
      .temperature(0.8)
      .documents(context)
      .tools(availableTools)
      .send();
    expect(response.choice[0]).toMatchObject({
      type: 'text',
      text: 'You said: "Complex query". This is a simulated answer from the rig-ts simulator.',
    });
    expect(response.usage.totalTokens).toBeGreaterThan(0);
    expect(simulator.requests.at(-1)?.body).toMatchObject({
      instructions: 'Expert system',
      temperature: 0.8,
      input: [
        { role: 'user', content: '<file id: doc1>\nQubits hold superpositions.\n</file>\n' },
        { role: 'user', content: 'Complex query' },
      ],
      tools: [{ type: 'function', name: 'lookup', description: 'Look a term up' }],
    });
  });

  it('Structured Output', async () => {
    const agent = new AgentBuilder(client.completionModel('gpt-4o')).build();
    const result = await agent.promptTyped(SentimentAnalysis, "Analyze the sentiment of: 'I love this product!'");
    expect(result).toEqual({ score: 0.75, label: 'positive' });
    expect(simulator.requests.at(-1)?.body).toMatchObject({
      text: { format: { type: 'json_schema', name: 'SentimentAnalysis', strict: true } },
    });
  });
});
