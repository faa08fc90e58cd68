import { Message, PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { OpenAIChatModel } from '@rig-ts/openai-wire';
import { jsonResponse, okChatStream, recordingFetch, replayRequest } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as deepseek from './index.js';

afterEach(() => vi.unstubAllEnvs());

const text = readJsonFixture('deepseek/vercel-ai/deepseek-text.json');

describe('deepseek.Client', () => {
  it('reads DEEPSEEK_API_KEY and DEEPSEEK_BASE_URL when a request is made, and posts to /chat/completions', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    vi.stubEnv('DEEPSEEK_API_KEY', 'sk-env');
    vi.stubEnv('DEEPSEEK_BASE_URL', 'https://proxy.test/deepseek/');
    const model = new deepseek.Client({ fetch: recorded.fetch }).completionModel('deepseek-chat');
    expect(model).toBeInstanceOf(OpenAIChatModel);
    expect([model.provider, model.modelId]).toEqual(['deepseek', 'deepseek-chat']);
    expect(await model.prompt('Invent a holiday')).toMatch(/^## \*\*Holiday Name: Gratitude of Small Things Day/);
    expect(recorded.requests).toEqual([
      {
        url: 'https://proxy.test/deepseek/chat/completions',
        headers: { authorization: 'Bearer sk-env', 'content-type': 'application/json' },
        body: { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      },
    ]);
  });

  it('uses the default base URL, and lets explicit options win over the environment', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    vi.stubEnv('DEEPSEEK_API_KEY', 'sk-env');
    await new deepseek.Client({ apiKey: 'sk-explicit', fetch: recorded.fetch, headers: { 'x-team': 'a' } })
      .completionModel('deepseek-chat')
      .completion(replayRequest, { headers: { 'x-call': '1' } });
    expect(recorded.requests[0]).toMatchObject({
      url: 'https://api.deepseek.com/chat/completions',
      headers: { authorization: 'Bearer sk-explicit', 'x-team': 'a', 'x-call': '1' },
    });
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('DEEPSEEK_API_KEY', '');
    const error = await deepseek.Client.fromEnv()
      .completionModel('deepseek-chat')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'DeepSeek API key is missing: pass it as the apiKey option or set the DEEPSEEK_API_KEY environment variable',
    });
  });

  it('sends max_tokens, system, typed options (thinking) and additionalParams last', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    const model = new deepseek.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('deepseek-chat', {
      thinking: { type: 'enabled' },
      topP: 0.9,
    });
    await model
      .completionRequest('hi')
      .preamble('Be brief.')
      .maxTokens(300)
      .temperature(0.3)
      .providerOptions({ deepseek: { frequencyPenalty: 0.5 } })
      .additionalParams({ top_p: 0.5 })
      .send();
    expect(recorded.requests[0]?.body).toEqual({
      model: 'deepseek-chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.3,
      max_tokens: 300,
      top_p: 0.5,
      frequency_penalty: 0.5,
      thinking: { type: 'enabled' },
    });
  });

  it('asks for JSON mode with the schema in the instructions, and says so in a warning', async () => {
    const recorded = recordingFetch(() => jsonResponse(readJsonFixture('deepseek/vercel-ai/deepseek-json.json')));
    const schema = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
    const response = await new deepseek.Client({ apiKey: 'k', fetch: recorded.fetch })
      .completionModel('deepseek-reasoner')
      .completionRequest('Weather?')
      .outputSchema({ name: 'Weather', jsonSchema: schema })
      .send();
    expect(recorded.requests[0]?.body).toEqual({
      model: 'deepseek-reasoner',
      messages: [
        {
          role: 'system',
          content: `Answer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(schema)}`,
        },
        { role: 'user', content: 'Weather?' },
      ],
      response_format: { type: 'json_object' },
    });
    expect(response.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'output schema',
        details:
          'this server does not enforce JSON schemas; the schema was put in the instructions and JSON mode turned on',
      },
    ]);
  });

  it('streams with include_usage', async () => {
    const recorded = recordingFetch(okChatStream);
    await (
      await new deepseek.Client({ apiKey: 'k', fetch: recorded.fetch })
        .completionModel('deepseek-reasoner')
        .stream(replayRequest)
    ).final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'deepseek-reasoner',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends the reasoning of a tool turn back as reasoning_content, as in the recorded follow-up request', async () => {
    const first = readJsonFixture(
      'deepseek/pydantic-ai/test_deepseek_deferred_capability_with_thinking.0.response.json',
    );
    const recordedFollowUp = readJsonFixture(
      'deepseek/pydantic-ai/test_deepseek_deferred_capability_with_thinking.1.meta.json',
    ).request_body.messages;
    const recorded = recordingFetch(() => jsonResponse(first));
    const model = new deepseek.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('deepseek-reasoner');
    const user = Message.user('My guess is 4');
    const turn = await model.completion({ ...replayRequest, chatHistory: [user] });
    const call = turn.choice.find((block) => block.type === 'tool-call');
    if (call?.type !== 'tool-call') throw new Error('expected a tool call');
    const { body } = model.requestBody(
      { ...replayRequest, chatHistory: [user, Message.assistant(turn.choice), Message.toolResult(call.id, '{}')] },
      false,
    );
    // The recording replays the model's argument text verbatim ('{"id": "DICE_ROLL"}'); rig-ts sends the parsed
    // arguments re-serialized, so arguments are compared as JSON values.
    const parsedArguments = (messages: any[]) =>
      messages.map((message) =>
        message.tool_calls
          ? {
              ...message,
              tool_calls: message.tool_calls.map((tool: any) => ({
                ...tool,
                function: { ...tool.function, arguments: JSON.parse(tool.function.arguments) },
              })),
            }
          : message,
      );
    expect(parsedArguments(body.messages)).toEqual(parsedArguments(recordedFollowUp.slice(2, 5)));
  });
});
