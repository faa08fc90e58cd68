import { AssistantContent, CompletionError, Message, UserContent, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, openApiSpec, recordingFetch, requestError, weatherTool } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { ChatResponse } from './openai-chat-api-types.js';
import { OpenAIChatModel } from './openai-chat-model.js';
import type { OpenAIChatOptions } from './openai-chat-options.js';
import type { ChatQuirks } from './openai-chat-quirks.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

const specErrors = openApiSpec('openai/spec/openapi.yaml');

const transport = openAITestTransport();

function bodyFor(
  request: Partial<CompletionRequest>,
  modelId = 'gpt-4o',
  options?: OpenAIChatOptions,
  quirks?: Partial<ChatQuirks>,
  stream = false,
) {
  const model = new OpenAIChatModel(modelId, {
    provider: 'openai',
    transport,
    ...(options ? { options } : {}),
    ...(quirks ? { quirks } : {}),
  });
  const built = model.requestBody({ chatHistory: [Message.user('hi')], documents: [], tools: [], ...request }, stream);
  expect(specErrors('CreateChatCompletionRequest', built.body)).toEqual([]);
  return built;
}

describe('Chat Completions request bodies (each validated against the official spec)', () => {
  it('builds the minimal body, and streams with include_usage', () => {
    expect(bodyFor({})).toEqual({
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      warnings: [],
    });
    expect(bodyFor({}, 'gpt-4o', undefined, undefined, true).body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends the preamble as system, or developer for reasoning models, with max_completion_tokens', () => {
    expect(bodyFor({ preamble: 'Be brief.', maxTokens: 100, temperature: 0.2 }).body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      max_tokens: 100,
      temperature: 0.2,
    });
    const reasoning = bodyFor({ preamble: 'You are a helpful assistant.', maxTokens: 100 }, 'o1-mini', {
      reasoningEffort: 'high',
    });
    expect(reasoning.body).toEqual({
      model: 'o1-mini',
      messages: [
        { role: 'developer', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'hi' },
      ],
      max_completion_tokens: 100,
      reasoning_effort: 'high',
    });
  });

  it('matches the recorded request of a reasoning model with a developer message', () => {
    const recorded = readJsonFixture<{ request_body: { messages: unknown[] } }>(
      'openai/pydantic-ai/test_openai_o1_mini_system_role_developer.0.meta.json',
    ).request_body;
    const { body } = bodyFor(
      { preamble: 'You are a helpful assistant.', chatHistory: [Message.user('Hello')] },
      'o1-mini',
    );
    expect(body.messages).toEqual(recorded.messages);
  });

  it('maps every user content kind', () => {
    const { body } = bodyFor({
      documents: [{ id: 'd', text: 'notes' }],
      chatHistory: [
        Message.user([
          UserContent.text('look'),
          UserContent.imageUrl('https://img.test/a.png', { detail: 'high' }),
          UserContent.imageBytes(new Uint8Array([104, 105]), 'image/gif'),
          UserContent.audioBase64('UklG', 'audio/wav'),
          { type: 'audio', source: { type: 'base64', data: 'SUQz' } },
          UserContent.documentBase64('JVBERi0', 'application/pdf'),
          UserContent.documentFileId('file-pdf'),
          UserContent.documentText('plain notes'),
        ]),
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: '<file id: d>\nnotes\n</file>\n' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look' },
          { type: 'image_url', image_url: { url: 'https://img.test/a.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/gif;base64,aGk=' } },
          { type: 'input_audio', input_audio: { data: 'UklG', format: 'wav' } },
          { type: 'input_audio', input_audio: { data: 'SUQz', format: 'mp3' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0', filename: 'document.pdf' } },
          { type: 'file', file: { file_id: 'file-pdf' } },
          { type: 'text', text: 'plain notes' },
        ],
      },
    ]);
  });

  it.each([
    [
      'an image file id',
      { type: 'image' as const, source: { type: 'file-id' as const, fileId: 'f' } },
      'chatHistory[0].content[1]: Chat Completions takes images as a URL or inline data, not a file-id',
    ],
    [
      'audio by URL',
      { type: 'audio' as const, source: { type: 'url' as const, url: 'https://a.test/x.mp3' } },
      'chatHistory[0].content[1]: Chat Completions takes audio as inline data only',
    ],
    [
      'a PDF by URL',
      UserContent.documentUrl('https://d.test/a.pdf'),
      'chatHistory[0].content[1]: Chat Completions takes documents as inline data or a file id, not a URL',
    ],
    [
      'inline video',
      { type: 'video' as const, source: { type: 'base64' as const, data: 'AAAA' } },
      'chatHistory[0].content[1]: Chat Completions takes video as a URL only',
    ],
  ])('refuses %s with a request error naming where', (_name, block, message) => {
    const model = new OpenAIChatModel('gpt-4o', { provider: 'openai', transport });
    const error = requestError(() =>
      model.requestBody(
        { chatHistory: [Message.user([UserContent.text('x'), block])], documents: [], tools: [] },
        false,
      ),
    );
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'request', message });
  });

  it('refuses images in tool results unless the server takes them', () => {
    const history = [
      Message.user('draw'),
      Message.assistant([AssistantContent.toolCall('call_1', 'render', {})]),
      Message.toolResult('call_1', [{ type: 'image', source: { type: 'url', url: 'https://img.test/r.png' } }]),
    ];
    const model = new OpenAIChatModel('gpt-4o', { provider: 'openai', transport });
    expect(
      requestError(() => model.requestBody({ chatHistory: history as never, documents: [], tools: [] }, false)),
    ).toMatchObject({
      kind: 'request',
      message:
        'chatHistory[2].content[0]: this server takes no images in tool results; return text or JSON from the tool',
    });
    // OpenAI's spec has no images in tool messages; this body is for servers like llama.cpp that take them.
    const llama = new OpenAIChatModel('llama', { provider: 'llamacpp', transport, quirks: { imageToolResults: true } });
    expect(
      llama.requestBody({ chatHistory: history as never, documents: [], tools: [] }, false).body.messages.at(-1),
    ).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: [{ type: 'image_url', image_url: { url: 'https://img.test/r.png' } }],
    });
  });

  it('replays a tool-calling turn exactly as the recorded request', async () => {
    const first = readJsonFixture<ChatResponse>('openai/pydantic-ai/test_openai_tool_output.0.response.json');
    const recorded = readJsonFixture<{ request_body: { messages: unknown[] } }>(
      'openai/pydantic-ai/test_openai_tool_output.1.meta.json',
    ).request_body;
    const model = new OpenAIChatModel('gpt-4o', {
      provider: 'openai',
      transport: openAITestTransport({ fetch: recordingFetch(() => jsonResponse(first)).fetch }),
    });
    const turn = await model.completion({
      chatHistory: [Message.user('What is the largest city in the user country?')],
      documents: [],
      tools: [],
    });
    const call = turn.choice[0];
    if (call.type !== 'tool-call') throw new Error('expected a tool call');
    const { body } = model.requestBody(
      {
        chatHistory: [
          Message.user('What is the largest city in the user country?'),
          Message.assistant(turn.choice),
          Message.toolResult(call.id, 'Mexico'),
        ],
        documents: [],
        tools: [],
      },
      false,
    );
    expect(body.messages).toEqual(recorded.messages);
  });

  it('keeps tool results in order around user content and pairs Responses-style ids', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user('go'),
        Message.assistant([
          { type: 'text', text: 'calling' },
          AssistantContent.toolCall('fc_1', 'weather', { city: 'Oslo' }, 'call_1'),
        ]),
        {
          role: 'user',
          content: [
            { type: 'tool-result', id: 'fc_1', content: [{ type: 'json', value: { temp: 3 } }] },
            { type: 'text', text: 'and now?' },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: 'go' },
      {
        role: 'assistant',
        content: 'calling',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":3}' },
      { role: 'user', content: 'and now?' },
    ]);
  });

  it('sends reasoning back only where the server takes it', () => {
    const history = [
      Message.user('a'),
      Message.assistant([AssistantContent.reasoning('thinking'), { type: 'text', text: 'b' }]),
      Message.user('c'),
    ];
    expect(bodyFor({ chatHistory: history as never }).body.messages[1]).toEqual({ role: 'assistant', content: 'b' });
    expect(
      bodyFor({ chatHistory: history as never }, 'deepseek-reasoner', undefined, {
        reasoningField: 'reasoning_content',
        sendReasoning: true,
      }).body.messages[1],
    ).toEqual({
      role: 'assistant',
      content: 'b',
      reasoning_content: 'thinking',
    });
  });

  it('sends reasoning back as <think> tags before the text where the server wants that', () => {
    const history = [
      Message.user('a'),
      Message.assistant([AssistantContent.reasoning('step 1'), { type: 'text', text: 'b' }]),
      Message.user('c'),
    ];
    expect(
      bodyFor({ chatHistory: history as never }, 'zai-glm-4.7', undefined, {
        reasoningField: 'reasoning',
        sendReasoning: 'think-tags',
      }).body.messages[1],
    ).toEqual({
      role: 'assistant',
      content: '<think>\nstep 1\n</think>\n\nb',
    });
    const toolTurn = [
      Message.user('a'),
      Message.assistant([AssistantContent.reasoning('look it up'), AssistantContent.toolCall('call_1', 'weather', {})]),
      Message.toolResult('call_1', 'sun'),
    ];
    expect(
      bodyFor({ chatHistory: toolTurn as never }, 'zai-glm-4.7', undefined, { sendReasoning: 'think-tags' }).body
        .messages[1],
    ).toEqual({
      role: 'assistant',
      content: '<think>\nlook it up\n</think>\n\n',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } }],
    });
  });

  it('drops tools with a warning where the server takes none', () => {
    expect(bodyFor({ tools: [weatherTool], toolChoice: 'required' }, 'sonar', undefined, { tools: false })).toEqual({
      body: { model: 'sonar', messages: [{ role: 'user', content: 'hi' }] },
      warnings: [
        { type: 'unsupported', feature: 'tools', details: 'this server takes no function tools; they were not sent' },
      ],
    });
  });

  it("sends a provider's extra typed options under their wire names", () => {
    const model = new OpenAIChatModel('mistral-small-latest', {
      provider: 'mistral',
      transport,
      options: { randomSeed: 7 } as never,
      optionFields: [
        ['randomSeed', 'random_seed'],
        ['safePrompt', 'safe_prompt'],
      ],
    });
    const { body } = model.requestBody(
      {
        chatHistory: [Message.user('hi')],
        documents: [],
        tools: [],
        providerOptions: { mistral: { safePrompt: true } },
      },
      false,
    );
    expect(body).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      random_seed: 7,
      safe_prompt: true,
    });
  });

  it('maps tools, strict where allowed, and tool choice; several forced names are refused', () => {
    const { body } = bodyFor({ tools: [weatherTool], toolChoice: { type: 'specific', functionNames: ['weather'] } });
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'Weather in a city',
          parameters: weatherTool.parameters,
          strict: true,
        },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
    expect(bodyFor({ tools: [weatherTool], toolChoice: 'required' }).body.tool_choice).toBe('required');
    const model = new OpenAIChatModel('gpt-4o', { provider: 'openai', transport });
    expect(
      requestError(() =>
        model.requestBody(
          {
            chatHistory: [Message.user('x')],
            documents: [],
            tools: [weatherTool, { ...weatherTool, name: 'time' }],
            toolChoice: { type: 'specific', functionNames: ['weather', 'time'] },
          },
          false,
        ),
      ),
    ).toMatchObject({
      kind: 'request',
      path: 'toolChoice.functionNames',
      message: 'toolChoice: Chat Completions can force one specific function only',
    });
    expect(
      bodyFor({ tools: [weatherTool], toolChoice: 'auto' }, 'm', undefined, { toolChoice: false, strict: false }),
    ).toEqual({
      body: {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [
          {
            type: 'function',
            function: { name: 'weather', description: 'Weather in a city', parameters: weatherTool.parameters },
          },
        ],
      },
      warnings: [
        { type: 'unsupported', feature: 'toolChoice', details: 'this server takes no tool_choice; the model decides' },
      ],
    });
  });

  it('asks for native structured output with a strict schema', () => {
    const { body } = bodyFor({
      outputSchema: { name: 'Answer', schema: { type: 'object', properties: { a: { type: 'string' } } } },
    });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'Answer',
        strict: true,
        schema: {
          type: 'object',
          properties: { a: { type: ['string', 'null'] } },
          required: ['a'],
          additionalProperties: false,
        },
      },
    });
  });

  it('falls back to JSON mode or instructions where the server has no JSON schemas', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const jsonMode = bodyFor({ preamble: 'Be brief.', outputSchema: { name: 'Answer', schema } }, 'm', undefined, {
      structuredOutput: 'json_object',
    });
    expect(jsonMode.body.response_format).toEqual({ type: 'json_object' });
    expect(jsonMode.body.messages[0]).toEqual({
      role: 'system',
      content: `Be brief.\n\nAnswer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(schema)}`,
    });
    expect(jsonMode.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'output schema',
        details:
          'this server does not enforce JSON schemas; the schema was put in the instructions and JSON mode turned on',
      },
    ]);
    const none = bodyFor({ outputSchema: { name: 'Answer', schema } }, 'm', undefined, { structuredOutput: 'none' });
    expect(none.body.response_format).toBeUndefined();
    expect(none.body.messages[0]?.role).toBe('system');
  });

  it('maps typed options and merges additionalParams last', () => {
    const { body } = bodyFor(
      { providerOptions: { openai: { seed: 7 } }, additionalParams: { n: 1, top_p: 0.1 } },
      'gpt-4o',
      {
        seed: 1,
        topP: 0.9,
        frequencyPenalty: 0.5,
        presencePenalty: 0.2,
        stop: ['END'],
        logitBias: { '50256': -100 },
        user: 'u',
        parallelToolCalls: false,
        store: true,
        serviceTier: 'auto',
        promptCacheKey: 'k',
        logprobs: true,
        topLogprobs: 2,
        metadata: { a: 'b' },
      },
    );
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      parallel_tool_calls: false,
      user: 'u',
      seed: 7,
      top_p: 0.1,
      frequency_penalty: 0.5,
      presence_penalty: 0.2,
      stop: ['END'],
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      store: true,
      metadata: { a: 'b' },
      service_tier: 'auto',
      prompt_cache_key: 'k',
      n: 1,
    });
  });
});
