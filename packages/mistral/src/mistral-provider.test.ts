import { AssistantContent, Message, PromptError, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, openApiSpec, recordingFetch, replayRequest, weatherTool } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as mistral from './index.js';

afterEach(() => vi.unstubAllEnvs());

const spec = openApiSpec('mistral/spec/openapi.yaml');
const text = readJsonFixture('mistral/vercel-ai/mistral-text.json');

/** The body the model sends for `request`, checked against Mistral's published spec (stream bodies too). */
function bodyFor(request: Partial<CompletionRequest>, options?: mistral.MistralOptions, stream = false) {
  const model = new mistral.Client({ apiKey: 'k' }).completionModel('mistral-small-latest', options);
  const built = model.requestBody({ ...replayRequest, ...request }, stream);
  expect(spec('ChatCompletionRequest', built.body)).toEqual([]);
  return built;
}

describe('mistral.Client', () => {
  it('reads MISTRAL_API_KEY when a request is made and posts to /v1/chat/completions', async () => {
    vi.stubEnv('MISTRAL_API_KEY', 'ms-env');
    const recorded = recordingFetch(() => jsonResponse(text));
    const answer = await new mistral.Client({ fetch: recorded.fetch })
      .completionModel('mistral-small-latest')
      .prompt('Invent a holiday');
    expect(answer).toMatch(/^\*\*Holiday Name: "World Kindness Day of Sharing"\*\*/);
    expect(recorded.requests).toEqual([
      {
        url: 'https://api.mistral.ai/v1/chat/completions',
        headers: { authorization: 'Bearer ms-env', 'content-type': 'application/json' },
        body: { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('MISTRAL_API_KEY', '');
    const error = await mistral.Client.fromEnv()
      .completionModel('mistral-small-latest')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'Mistral API key is missing: pass it as the apiKey option or set the MISTRAL_API_KEY environment variable',
    });
  });
});

describe("Mistral request bodies (each validated against Mistral's OpenAPI spec)", () => {
  it('builds the minimal body, and a stream body without stream_options', () => {
    expect(bodyFor({})).toEqual({
      body: { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'hi' }] },
      warnings: [],
    });
    expect(bodyFor({}, undefined, true).body).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
  });

  it('sends the preamble as system, max_tokens, temperature and every typed option under its wire name', () => {
    const { body } = bodyFor(
      { preamble: 'Be brief.', maxTokens: 200, temperature: 0.3 },
      {
        randomSeed: 42,
        safePrompt: true,
        promptMode: 'reasoning',
        prediction: { type: 'content', content: 'Hello' },
        topP: 0.9,
        stop: ['\n\n'],
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        parallelToolCalls: false,
        reasoningEffort: 'high',
        promptCacheKey: 'conversation-1',
        metadata: { team: 'a' },
        serviceTier: 'auto',
      },
    );
    expect(body).toEqual({
      model: 'mistral-small-latest',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.3,
      max_tokens: 200,
      reasoning_effort: 'high',
      parallel_tool_calls: false,
      top_p: 0.9,
      frequency_penalty: 0.2,
      presence_penalty: 0.1,
      stop: ['\n\n'],
      metadata: { team: 'a' },
      service_tier: 'auto',
      prompt_cache_key: 'conversation-1',
      random_seed: 42,
      safe_prompt: true,
      prompt_mode: 'reasoning',
      prediction: { type: 'content', content: 'Hello' },
    });
  });

  it('sends strict tools, a forced tool, and a tool turn with its result', () => {
    const { body } = bodyFor({
      tools: [weatherTool],
      toolChoice: { type: 'specific', functionNames: ['weather'] },
      chatHistory: [
        Message.user('Weather in Paris?'),
        Message.assistant([AssistantContent.toolCall('gSIMJiOkT', 'weather', { city: 'Paris' })]),
        Message.toolResult('gSIMJiOkT', 'Sunny'),
        Message.user('And tomorrow?'),
      ],
    });
    expect(body).toEqual({
      model: 'mistral-small-latest',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          tool_calls: [
            { id: 'gSIMJiOkT', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'gSIMJiOkT', content: 'Sunny' },
        { role: 'user', content: 'And tomorrow?' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Weather in a city',
            parameters: weatherTool.parameters,
            strict: true,
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'weather' } },
    });
    expect(bodyFor({ tools: [weatherTool], toolChoice: 'required' }).body.tool_choice).toBe('required');
  });

  it('asks for strict JSON-schema output', () => {
    const { body } = bodyFor({
      outputSchema: {
        name: 'Book',
        schema: {
          type: 'object',
          properties: { name: { type: 'string' }, authors: { type: 'array', items: { type: 'string' } } },
        },
      },
    });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'Book',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            name: { type: ['string', 'null'] },
            authors: { type: ['array', 'null'], items: { type: 'string' } },
          },
          required: ['name', 'authors'],
          additionalProperties: false,
        },
      },
    });
  });

  it('sends user images as image_url parts', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user([
          { type: 'text', text: 'What is this?' },
          { type: 'image', source: { type: 'url', url: 'https://img.test/cat.png' } },
        ]),
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'https://img.test/cat.png' } },
        ],
      },
    ]);
  });

  it('replays the recorded prompt-cache conversation', async () => {
    const firstRequest = readJsonFixture(
      'mistral/pydantic-ai/test_mistral_history_uses_prompt_cache.0.meta.json',
    ).request_body;
    const secondRequest = readJsonFixture(
      'mistral/pydantic-ai/test_mistral_history_uses_prompt_cache.1.meta.json',
    ).request_body;
    const recorded = recordingFetch(() =>
      jsonResponse(readJsonFixture('mistral/pydantic-ai/test_mistral_history_uses_prompt_cache.0.response.json')),
    );
    const model = new mistral.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('mistral-large-latest', {
      promptCacheKey: 'pydantic-ai-test-mistral-history-cache',
    });
    const [system, firstUser] = firstRequest.messages;
    const first = await model.completionRequest(Message.user(firstUser.content)).preamble(system.content).send();
    expect(recorded.requests[0]?.body).toEqual({
      model: 'mistral-large-latest',
      messages: firstRequest.messages,
      prompt_cache_key: 'pydantic-ai-test-mistral-history-cache',
    });
    const { body } = model.requestBody(
      {
        ...replayRequest,
        preamble: system.content,
        chatHistory: [
          Message.user(firstUser.content),
          Message.assistant(first.choice),
          Message.user(secondRequest.messages[3].content),
        ],
      },
      false,
    );
    // pydantic-ai sent the earlier answer as a list of text parts; rig-ts sends it as a string: both are valid content.
    expect(secondRequest.messages[2].content).toEqual([{ text: 'cache probe one.', type: 'text' }]);
    expect(body.messages).toEqual([
      secondRequest.messages[0],
      secondRequest.messages[1],
      { role: 'assistant', content: 'cache probe one.' },
      secondRequest.messages[3],
    ]);
    expect(spec('ChatCompletionRequest', body)).toEqual([]);
    expect(spec('ChatCompletionRequest', secondRequest)).toEqual([]);
  });
});
