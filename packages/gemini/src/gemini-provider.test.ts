import { Message, type ToolDefinition } from '@rig-ts/core';
import { readTextFixture } from '@rig-ts/fixtures';
import { describeUnexpectedAnswers } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from './gemini-provider.js';
import { GEMINI_DEFAULTS } from './gemini-settings.js';
import { fakeFetch } from './test-utils/gemini-replay.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const TEXT_BODY = readTextFixture('google/vercel-ai/google-text.json');

function clearEnv(): void {
  vi.stubEnv('GEMINI_API_KEY', '');
  vi.stubEnv('GOOGLE_API_KEY', '');
  vi.stubEnv('GEMINI_BASE_URL', '');
}

describe('Client', () => {
  it('sends the key in x-goog-api-key, never in the URL, to the default base URL', async () => {
    clearEnv();
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }]);
    await new Client({ apiKey: 'AIza-secret', fetch: fake.fetch }).completionModel('gemini-2.5-flash').prompt('Hi');
    const request = fake.requests[0]!;
    expect(request.url).toBe(`${GEMINI_DEFAULTS.baseURL}/models/gemini-2.5-flash:generateContent`);
    expect(request.url).not.toContain('AIza-secret');
    expect(request.headers.get('x-goog-api-key')).toBe('AIza-secret');
    expect(request.headers.get('authorization')).toBeNull();
    expect(request.headers.get('content-type')).toBe('application/json');
  });

  it('fromEnv() reads GEMINI_API_KEY, else GOOGLE_API_KEY, at request time', async () => {
    clearEnv();
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }, { chunks: [TEXT_BODY] }, { chunks: [TEXT_BODY] }]);
    vi.stubGlobal('fetch', fake.fetch);
    try {
      const model = Client.fromEnv().completionModel('gemini-2.5-flash');
      vi.stubEnv('GOOGLE_API_KEY', 'google-key');
      await model.prompt('Hi');
      vi.stubEnv('GEMINI_API_KEY', 'gemini-key');
      await model.prompt('Hi');
      await new Client({ apiKey: 'explicit-key' }).completionModel('gemini-2.5-flash').prompt('Hi');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fake.requests.map((request) => request.headers.get('x-goog-api-key'))).toEqual([
      'google-key',
      'gemini-key',
      'explicit-key',
    ]);
  });

  it('fails before sending when no key is set, naming the option and both variables', async () => {
    clearEnv();
    const fake = fakeFetch([]);
    const error = await new Client({ fetch: fake.fetch })
      .completionModel('gemini-2.5-flash')
      .completionRequest('Hi')
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      path: 'apiKey',
      message:
        'Gemini API key is missing: pass it as the apiKey option or set the GEMINI_API_KEY or GOOGLE_API_KEY environment variable',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('honours GEMINI_BASE_URL, and an explicit baseURL over it, dropping a trailing slash', async () => {
    clearEnv();
    vi.stubEnv('GEMINI_BASE_URL', 'https://proxy.example/gemini/v1beta/');
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }, { chunks: [TEXT_BODY] }]);
    await new Client({ apiKey: 'k', fetch: fake.fetch }).completionModel('gemini-2.5-flash').prompt('Hi');
    await new Client({ apiKey: 'k', fetch: fake.fetch, baseURL: 'http://127.0.0.1:9/v1/' })
      .completionModel('gemini-2.5-flash')
      .prompt('Hi');
    expect(fake.requests.map((request) => request.url)).toEqual([
      'https://proxy.example/gemini/v1beta/models/gemini-2.5-flash:generateContent',
      'http://127.0.0.1:9/v1/models/gemini-2.5-flash:generateContent',
    ]);
  });

  it('sends client and call headers', async () => {
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }]);
    await new Client({ apiKey: 'k', fetch: fake.fetch, headers: { 'x-goog-user-project': 'my-project' } })
      .completionModel('gemini-2.5-flash')
      .completionRequest('Hi')
      .send({ headers: { 'x-trace': 't-1' } });
    expect(fake.requests[0]!.headers.get('x-goog-user-project')).toBe('my-project');
    expect(fake.requests[0]!.headers.get('x-trace')).toBe('t-1');
  });

  it('addresses resource names as given, and a per-request model override', async () => {
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }, { chunks: [TEXT_BODY] }]);
    const client = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch });
    await client.completionModel('tunedModels/my-model-123').prompt('Hi');
    await client.completionModel('gemini-2.5-flash').completionRequest('Hi').model('gemini-2.5-pro').send();
    expect(fake.requests.map((request) => request.url)).toEqual([
      'http://gemini.test/v1beta/tunedModels/my-model-123:generateContent',
      'http://gemini.test/v1beta/models/gemini-2.5-pro:generateContent',
    ]);
  });
});

describe('request bodies', () => {
  const weather: ToolDefinition = {
    name: 'get_weather',
    description: 'Weather.',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  };

  it('sends no maxOutputTokens unless asked, and maps every request field and option', async () => {
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }, { chunks: [TEXT_BODY] }]);
    const client = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch });
    await client.completionModel('gemini-2.5-flash').prompt('Hi');
    expect(fake.requests[0]!.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      generationConfig: {},
    });

    const model = client.completionModel('gemini-2.5-flash', {
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      responseModalities: ['TEXT'],
      mediaResolution: 'MEDIA_RESOLUTION_LOW',
      cachedContent: 'cachedContents/abc',
      providerTools: [{ codeExecution: {} }],
    });
    await model
      .completionRequest('Weather in Paris?')
      .preamble('Be brief.')
      .temperature(0.3)
      .maxTokens(256)
      .tool(weather)
      .toolChoice('required')
      .outputSchema({ type: 'object', properties: { answer: { type: 'string' } } })
      .send();
    expect(fake.requests[1]!.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Weather in Paris?' }] }],
      systemInstruction: { role: 'user', parts: [{ text: 'Be brief.' }] },
      tools: [
        {
          functionDeclarations: [
            { name: 'get_weather', description: 'Weather.', parametersJsonSchema: weather.parameters },
          ],
        },
        { codeExecution: {} },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
      cachedContent: 'cachedContents/abc',
      generationConfig: {
        temperature: 0.3,
        maxOutputTokens: 256,
        responseMimeType: 'application/json',
        responseJsonSchema: { type: 'object', properties: { answer: { type: 'string' } } },
        thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
        topP: 0.9,
        topK: 40,
        stopSequences: ['END'],
        seed: 7,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        responseModalities: ['TEXT'],
        mediaResolution: 'MEDIA_RESOLUTION_LOW',
      },
    });
  });

  it('merges model options with request provider options (the request wins), then additionalParams last (generationConfig key by key, with a warning for what it replaces)', async () => {
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }]);
    const model = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch }).completionModel(
      'gemini-2.5-flash',
      { topK: 10, seed: 1 },
    );
    const response = await model
      .completionRequest('Hi')
      .providerOptions({ gemini: { seed: 2 } })
      .temperature(0.5)
      .additionalParams({
        labels: { team: 'search' },
        cachedContent: 'cachedContents/override',
        generationConfig: { responseLogprobs: true, temperature: 0.7 },
      })
      .send();
    expect(fake.requests[0]!.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      generationConfig: { temperature: 0.7, topK: 10, seed: 2, responseLogprobs: true },
      labels: { team: 'search' },
      cachedContent: 'cachedContents/override',
    });
    expect(response.warnings).toEqual([
      {
        type: 'other',
        message: 'additionalParams.generationConfig.temperature replaced the value rig-ts built from the request',
      },
    ]);
  });

  it('returns the warnings of settings Gemini cannot honour', async () => {
    const fake = fakeFetch([{ chunks: [TEXT_BODY] }]);
    const response = await new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch })
      .completionModel('gemini-2.5-flash')
      .completionRequest('Hi')
      .tool({ ...weather, strict: true })
      .send();
    expect(response.warnings).toEqual([
      { type: 'unsupported', feature: 'strict', details: 'tool "get_weather": Gemini has no strict schema mode' },
    ]);
  });

  it('validates a request handed straight to completion()', async () => {
    const fake = fakeFetch([]);
    const model = new Client({ apiKey: 'k', fetch: fake.fetch }).completionModel('gemini-2.5-flash');
    await expect(
      model.completion({ chatHistory: [Message.user('Hi')], documents: [], tools: [], maxTokens: 0 }),
    ).rejects.toMatchObject({
      kind: 'request',
      path: 'maxTokens',
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describeUnexpectedAnswers({
  provider: 'Gemini',
  malformedBodies: ['{"candidates":[null]}', '{"candidates":[{"content":{"parts":{}}}]}'],
  rateLimitBody: '{"error":{"code":429,"message":"Rate limited","status":"RESOURCE_EXHAUSTED"}}',
  model: (transport) =>
    new Client({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', ...transport }).completionModel('gemini-2.5-flash'),
});
