import { describeRecordings, type Expectations } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import { OpenAIChatModel } from './chat/openai-chat-model.js';
import { OpenAIResponsesModel } from './responses/openai-responses-model.js';
import { openAITestTransport } from './test-utils/openai-test-transport.js';

const transport = (fetch: typeof globalThis.fetch) => openAITestTransport({ fetch, maxRetries: 0 });

describeRecordings('The OpenAI wire', {
  expectations: expectations as Expectations,
  chatModel: (fetch) => new OpenAIChatModel('gpt-4o', { provider: 'openai', transport: transport(fetch) }),
  responsesModel: (fetch) => new OpenAIResponsesModel('gpt-4o', { provider: 'openai', transport: transport(fetch) }),
  sseSplits: 50,
  recordings: { chat: 14, responses: 79 },
});

describe('The OpenAI wire recordings', () => {
  it('cover every kind of body: whole JSON bodies, chunk logs and raw event streams, of both APIs', () => {
    const count = (files: string[], suffix: string) => files.filter((file) => file.endsWith(suffix)).length;
    const chat = Object.keys(expectations.chat);
    const responses = Object.entries(expectations.responses);
    const segments = (suffix: string) =>
      responses.flatMap(([file, expected]) => (file.endsWith(suffix) ? (expected as unknown[]) : [])).length;
    expect([count(chat, '.json'), count(chat, '.chunks.txt'), count(chat, '.sse')]).toEqual([8, 3, 3]);
    expect([
      count(
        responses.map(([file]) => file),
        '.json',
      ),
      segments('.chunks.txt'),
      segments('.sse'),
    ]).toEqual([40, 42, 4]);
  });
});
