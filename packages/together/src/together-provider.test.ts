import { readFileSync } from 'node:fs';
import { AssistantContent, Message, PromptError, type CompletionRequest } from '@rig-ts/core';
import { jsonResponse, recordingFetch, replayRequest, sseResponse } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import stubText from './__fixtures__/together-stub-text.json' with { type: 'json' };
import * as together from './index.js';

// No real Together AI recording exists: these are hand-written stubs in the shape of Together's answers (see
// src/__fixtures__/README.md). They test the mapping, not Together's behaviour.
const stubToolCall = readFileSync(new URL('./__fixtures__/together-stub-tool-call.chunks.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

afterEach(() => vi.unstubAllEnvs());

describe('together.Client', () => {
  it('reads TOGETHER_API_KEY, or else TOGETHER_AI_API_KEY, when a request is made', async () => {
    const recorded = recordingFetch(() => jsonResponse(stubText));
    vi.stubEnv('TOGETHER_API_KEY', '');
    vi.stubEnv('TOGETHER_AI_API_KEY', 'tg-second');
    const model = new together.Client({ fetch: recorded.fetch }).completionModel(
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    );
    await model.prompt('hi');
    vi.stubEnv('TOGETHER_API_KEY', 'tg-first');
    await model.prompt('hi');
    expect(recorded.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['https://api.together.xyz/v1/chat/completions', 'Bearer tg-second'],
      ['https://api.together.xyz/v1/chat/completions', 'Bearer tg-first'],
    ]);
  });

  it('names the option and both variables when the key is missing', async () => {
    vi.stubEnv('TOGETHER_API_KEY', '');
    vi.stubEnv('TOGETHER_AI_API_KEY', '');
    const error = await together.Client.fromEnv()
      .completionModel('m')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'Together AI API key is missing: pass it as the apiKey option or set the TOGETHER_API_KEY or TOGETHER_AI_API_KEY environment variable',
    });
  });

  it('parses a stub answer in the shape of Together (empty tool_calls, extra fields)', async () => {
    const recorded = recordingFetch(() => jsonResponse(stubText));
    const response = await new together.Client({
      apiKey: 'k',
      fetch: recorded.fetch,
      baseURL: 'https://together.test/v1/',
    })
      .completionModel('meta-llama/Llama-3.3-70B-Instruct-Turbo')
      .completion(replayRequest);
    expect(response.choice).toEqual([{ type: 'text', text: 'Hello! How can I help you today?' }]);
    expect([response.id, response.model, response.finishReason, response.usage]).toEqual([
      'stub-together-1',
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'stop',
      { promptTokens: 38, completionTokens: 10, totalTokens: 48 },
    ]);
    expect(recorded.requests[0]?.url).toBe('https://together.test/v1/chat/completions');
  });

  it('streams a stub of reasoning then a tool call, and sends typed options under their wire names', async () => {
    const recorded = recordingFetch(() =>
      sseResponse([`${stubToolCall.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`]),
    );
    const model = new together.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel(
      'deepseek-ai/DeepSeek-R1',
      { topK: 40, repetitionPenalty: 1.1 },
    );
    const final = await (
      await model
        .completionRequest('Weather in Paris?')
        .maxTokens(300)
        .providerOptions({ together: { minP: 0.05, safetyModel: 'meta-llama/Meta-Llama-Guard-3-8B' } })
        .stream()
    ).final;
    expect(final.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: 'The user wants the weather.' }] },
      AssistantContent.toolCall('call_stub_1', 'weather', { city: 'Paris' }),
    ]);
    expect([final.finishReason, final.usage]).toEqual([
      'tool-calls',
      { promptTokens: 120, completionTokens: 30, totalTokens: 150 },
    ]);
    expect(recorded.requests[0]?.body).toEqual({
      model: 'deepseek-ai/DeepSeek-R1',
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      max_tokens: 300,
      top_k: 40,
      repetition_penalty: 1.1,
      min_p: 0.05,
      safety_model: 'meta-llama/Meta-Llama-Guard-3-8B',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends a JSON schema non-strict, and a tool turn back', () => {
    const model = new together.Client({ apiKey: 'k' }).completionModel('m');
    const history: CompletionRequest['chatHistory'] = [
      Message.user('Weather?'),
      Message.assistant([AssistantContent.toolCall('call_1', 'weather', { city: 'Paris' })]),
      Message.toolResult('call_1', 'Sunny'),
    ];
    const { body } = model.requestBody(
      {
        ...replayRequest,
        chatHistory: history,
        outputSchema: { name: 'Answer', schema: { type: 'object', properties: { sky: { type: 'string' } } } },
      },
      false,
    );
    expect(body).toEqual({
      model: 'm',
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'Answer',
          schema: { type: 'object', properties: { sky: { type: 'string' } } },
          strict: false,
        },
      },
    });
  });
});
