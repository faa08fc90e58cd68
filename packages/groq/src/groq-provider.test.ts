import { Message, PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, okChatStream, recordingFetch, replayRequest } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as groq from './index.js';

afterEach(() => vi.unstubAllEnvs());

const text = readJsonFixture('groq/vercel-ai/groq-text.json');

describe('groq.Client', () => {
  it('reads GROQ_API_KEY and GROQ_BASE_URL when a request is made', async () => {
    vi.stubEnv('GROQ_API_KEY', 'gsk-env');
    vi.stubEnv('GROQ_BASE_URL', 'https://proxy.test/groq/v1');
    const recorded = recordingFetch(() => jsonResponse(text));
    const model = groq.Client.fromEnv();
    expect(model.transport.url('/chat/completions')).toBe('https://proxy.test/groq/v1/chat/completions');
    await new groq.Client({ fetch: recorded.fetch })
      .completionModel('llama-3.3-70b-versatile')
      .prompt('Invent a holiday');
    expect(recorded.requests).toEqual([
      {
        url: 'https://proxy.test/groq/v1/chat/completions',
        headers: { authorization: 'Bearer gsk-env', 'content-type': 'application/json' },
        body: { model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('GROQ_API_KEY', '');
    const error = await groq.Client.fromEnv()
      .completionModel('llama-3.3-70b-versatile')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message: 'Groq API key is missing: pass it as the apiKey option or set the GROQ_API_KEY environment variable',
    });
  });

  it('sends max_completion_tokens, typed options under their wire names, and streams without stream_options', async () => {
    const recorded = recordingFetch(okChatStream);
    const model = new groq.Client({
      apiKey: 'k',
      fetch: recorded.fetch,
      baseURL: 'https://groq.test/v1',
    }).completionModel('qwen/qwen3-32b', { reasoningFormat: 'parsed', reasoningEffort: 'none' });
    await (
      await model
        .completionRequest('hi')
        .maxTokens(512)
        .providerOptions({ groq: { serviceTier: 'flex', includeReasoning: false } })
        .stream()
    ).final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'qwen/qwen3-32b',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 512,
      reasoning_effort: 'none',
      service_tier: 'flex',
      reasoning_format: 'parsed',
      include_reasoning: false,
      stream: true,
    });
  });

  it('builds the response_format and messages of the recorded structured-output request (best-effort, not strict)', async () => {
    const recordedRequest = readJsonFixture('groq/pydantic-ai/test_groq_native_output.0.meta.json').request_body;
    const recorded = recordingFetch(() =>
      jsonResponse(readJsonFixture('groq/pydantic-ai/test_groq_native_output.0.response.json')),
    );
    const schema = recordedRequest.response_format.json_schema;
    const response = await new groq.Client({ apiKey: 'k', fetch: recorded.fetch })
      .completionModel('openai/gpt-oss-120b')
      .completionRequest(Message.user(recordedRequest.messages[0].content))
      .outputSchema({ name: schema.name, description: schema.description, jsonSchema: schema.schema })
      .send();
    expect(recorded.requests[0]?.body).toEqual({
      model: 'openai/gpt-oss-120b',
      messages: recordedRequest.messages,
      response_format: { type: 'json_schema', json_schema: { ...schema, strict: false } },
    });
    expect(response.choice.at(-1)).toEqual({ type: 'text', text: '{"city":"Mexico City","country":"Mexico"}' });
  });

  it('posts to the default base URL', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    await new groq.Client({ apiKey: 'k', fetch: recorded.fetch })
      .completionModel('llama-3.3-70b-versatile')
      .completion(replayRequest);
    expect(recorded.requests[0]?.url).toBe('https://api.groq.com/openai/v1/chat/completions');
  });
});
