import { AssistantContent, CompletionError, Message, UserContent, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, openApiSpec, recordingFetch, weatherTool } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { ResponsesResponse } from './openai-responses-api-types.js';
import { OpenAIResponsesModel } from './openai-responses-model.js';
import type { OpenAIResponsesOptions } from './openai-responses-options.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

const specErrors = openApiSpec('openai/spec/openapi.yaml');

const transport = openAITestTransport();

function bodyFor(request: Partial<CompletionRequest>, modelId = 'gpt-4o', options?: OpenAIResponsesOptions) {
  const model = new OpenAIResponsesModel(modelId, { provider: 'openai', transport, ...(options ? { options } : {}) });
  const built = model.requestBody({ chatHistory: [Message.user('hi')], documents: [], tools: [], ...request }, false);
  expect(specErrors('CreateResponse', built.body)).toEqual([]);
  return built;
}

const search = {
  name: 'search',
  description: '',
  parameters: {
    type: 'object',
    properties: { query: { type: 'string' }, limit: { type: 'integer' } },
    required: ['query'],
  },
};

describe('Responses API request bodies (each validated against the official spec)', () => {
  it('builds the minimal body', () => {
    expect(bodyFor({})).toEqual({ body: { model: 'gpt-4o', input: [{ role: 'user', content: 'hi' }] }, warnings: [] });
  });

  it('puts the preamble in instructions and documents first', () => {
    const { body } = bodyFor({
      preamble: 'Be brief.',
      documents: [{ id: 'd1', text: 'Rust is fast.' }],
      model: 'gpt-4.1',
    });
    expect(body).toEqual({
      model: 'gpt-4.1',
      instructions: 'Be brief.',
      input: [
        { role: 'user', content: '<file id: d1>\nRust is fast.\n</file>\n' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('maps every user content kind', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user([
          UserContent.text('look'),
          UserContent.imageUrl('https://img.test/a.png', { detail: 'low' }),
          UserContent.imageBase64('iVBOR', 'image/png'),
          UserContent.imageBytes(new Uint8Array([104, 105]), 'image/gif'),
          { type: 'image', source: { type: 'file-id', fileId: 'file-img' } },
          UserContent.documentBase64('JVBERi0', 'application/pdf', 'report.pdf'),
          UserContent.documentFileId('file-pdf'),
          UserContent.documentUrl('https://docs.test/a.pdf'),
          UserContent.documentText('plain notes'),
        ]),
      ],
    });
    expect(body.input).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'look' },
          { type: 'input_image', image_url: 'https://img.test/a.png', detail: 'low' },
          { type: 'input_image', image_url: 'data:image/png;base64,iVBOR', detail: 'auto' },
          { type: 'input_image', image_url: 'data:image/gif;base64,aGk=', detail: 'auto' },
          { type: 'input_image', file_id: 'file-img', detail: 'auto' },
          { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0', filename: 'report.pdf' },
          { type: 'input_file', file_id: 'file-pdf' },
          { type: 'input_file', file_url: 'https://docs.test/a.pdf' },
          { type: 'input_text', text: 'plain notes' },
        ],
      },
    ]);
  });

  it.each([
    [
      'audio',
      UserContent.audioBase64('UklG', 'audio/wav'),
      'chatHistory[0].content[1]: the Responses API takes no audio input; use a Chat Completions model',
    ],
    [
      'video',
      UserContent.videoUrl('https://v.test/a.mp4'),
      'chatHistory[0].content[1]: the Responses API takes no video input',
    ],
    [
      'inline image without media type',
      { type: 'image' as const, source: { type: 'base64' as const, data: 'AAA' } },
      'chatHistory[0].content[1].mediaType is required for inline data',
    ],
  ])('refuses %s with a request error naming where', (_name, block, message) => {
    const model = new OpenAIResponsesModel('gpt-4o', { provider: 'openai', transport });
    let error: unknown;
    try {
      model.requestBody(
        { chatHistory: [Message.user([UserContent.text('x'), block])], documents: [], tools: [] },
        false,
      );
    } catch (caught) {
      error = caught;
    }
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'request', message });
  });

  it('replays a tool-calling turn: function_call items with their ids, outputs paired by call_id', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user('weather in Paris and the time?'),
        Message.assistant([
          AssistantContent.toolCall('fc_1', 'weather', { city: 'Paris' }, 'call_1'),
          AssistantContent.toolCall('fc_2', 'time', {}, 'call_2'),
        ]),
        {
          role: 'user',
          content: [
            { type: 'tool-result', id: 'fc_1', callId: 'call_1', content: [{ type: 'text', text: 'sunny' }] },
            { type: 'tool-result', id: 'fc_2', content: [{ type: 'json', value: { hour: 9 } }] },
          ],
        },
      ],
    });
    expect(body.input).toEqual([
      { role: 'user', content: 'weather in Paris and the time?' },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'time', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
      { type: 'function_call_output', call_id: 'call_2', output: '{"hour":9}' },
    ]);
  });

  it('sends image tool results as input content', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user('draw'),
        Message.assistant([AssistantContent.toolCall('call_9', 'render', {})]),
        Message.toolResult('call_9', [
          { type: 'text', text: 'here' },
          { type: 'image', source: { type: 'url', url: 'https://img.test/r.png' } },
        ]),
      ],
    });
    expect(body.input.at(-1)).toEqual({
      type: 'function_call_output',
      call_id: 'call_9',
      output: [
        { type: 'input_text', text: 'here' },
        { type: 'input_image', image_url: 'https://img.test/r.png', detail: 'auto' },
      ],
    });
  });

  it('replays reasoning with its encrypted content, followed by the message item it preceded', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user('meaning of life?'),
        Message.assistant([
          {
            type: 'reasoning',
            id: 'rs_1',
            content: [
              { type: 'summary', text: 'thinking…' },
              { type: 'encrypted', data: 'gAAAA' },
            ],
          },
          { type: 'text', text: '42', providerMetadata: { openai: { itemId: 'msg_1', annotations: [] } } },
        ]),
        Message.user('anything to add?'),
      ],
    });
    expect(body.input).toEqual([
      { role: 'user', content: 'meaning of life?' },
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 'thinking…' }],
        encrypted_content: 'gAAAA',
      },
      {
        type: 'message',
        role: 'assistant',
        id: 'msg_1',
        status: 'completed',
        content: [{ type: 'output_text', text: '42', annotations: [], logprobs: [] }],
      },
      { role: 'user', content: 'anything to add?' },
    ]);
  });

  it('leaves out reasoning it cannot replay (no Responses item id) and empty text', () => {
    const { body } = bodyFor({
      chatHistory: [
        Message.user('a'),
        Message.assistant([
          AssistantContent.reasoning('from another provider', 'sig'),
          { type: 'text', text: '' },
          { type: 'text', text: 'b' },
        ]),
        Message.user('c'),
      ],
    });
    expect(body.input).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ]);
  });

  it('maps tools, strict where the schema already allows it, and every tool choice', () => {
    const auto = bodyFor({ tools: [weatherTool, search], toolChoice: 'auto' });
    expect(auto.body.tools).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: 'Weather in a city',
        parameters: weatherTool.parameters,
        strict: true,
      },
      { type: 'function', name: 'search', parameters: search.parameters, strict: false },
    ]);
    expect(auto.body.tool_choice).toBe('auto');
    expect(bodyFor({ tools: [weatherTool], toolChoice: 'required' }).body.tool_choice).toBe('required');
    expect(bodyFor({ tools: [weatherTool], toolChoice: 'none' }).body.tool_choice).toBe('none');
    expect(
      bodyFor({ tools: [weatherTool, search], toolChoice: { type: 'specific', functionNames: ['search'] } }).body
        .tool_choice,
    ).toEqual({ type: 'function', name: 'search' });
    expect(
      bodyFor({ tools: [weatherTool, search], toolChoice: { type: 'specific', functionNames: ['search', 'weather'] } })
        .body.tool_choice,
    ).toEqual({
      type: 'allowed_tools',
      mode: 'required',
      tools: [
        { type: 'function', name: 'search' },
        { type: 'function', name: 'weather' },
      ],
    });
    expect(bodyFor({ tools: [{ ...search, strict: true }] })).toMatchObject({
      warnings: [
        {
          type: 'unsupported',
          feature: 'strict tool search',
          details: 'its schema does not meet strict mode; sent non-strict',
        },
      ],
    });
    expect(bodyFor({ tools: [weatherTool] }, 'gpt-4o', { strictTools: false }).body.tools).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: 'Weather in a city',
        parameters: weatherTool.parameters,
        strict: false,
      },
    ]);
  });

  it('sends an output schema as text.format, normalized for strict mode', () => {
    const { body, warnings } = bodyFor({
      outputSchema: {
        name: 'SentimentAnalysis',
        description: 'A sentiment',
        schema: {
          type: 'object',
          properties: {
            score: { type: 'number', description: 'from -1 to 1', default: 0 },
            label: { type: 'string' },
            notes: { type: 'string' },
          },
          required: ['score', 'label'],
        },
      },
    });
    expect(body.text).toEqual({
      format: {
        type: 'json_schema',
        name: 'SentimentAnalysis',
        description: 'A sentiment',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            score: { type: 'number', description: 'from -1 to 1' },
            label: { type: 'string' },
            notes: { type: ['string', 'null'] },
          },
          required: ['score', 'label', 'notes'],
          additionalProperties: false,
        },
      },
    });
    expect(warnings).toEqual([
      { type: 'unsupported', feature: 'strict output schema', details: 'keywords dropped: /properties/score: default' },
    ]);
  });

  it('sends a schema that cannot be strict as non-strict, with a warning', () => {
    const schema = {
      type: 'object',
      properties: { scores: { type: 'object', additionalProperties: { type: 'number' } } },
      required: ['scores'],
    };
    const { body, warnings } = bodyFor({ outputSchema: { name: 'Scores', schema } });
    expect(body.text).toEqual({ format: { type: 'json_schema', name: 'Scores', schema, strict: false } });
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'strict output schema',
        details: '/properties/scores allows additional properties; sent non-strict',
      },
    ]);
  });

  it('asks reasoning models for encrypted reasoning, drops temperature with a warning, and caps output tokens', () => {
    const { body, warnings } = bodyFor({ temperature: 0.3, maxTokens: 500 }, 'gpt-5', {
      reasoningEffort: 'low',
      reasoningSummary: 'detailed',
    });
    expect(body).toEqual({
      model: 'gpt-5',
      input: [{ role: 'user', content: 'hi' }],
      max_output_tokens: 500,
      reasoning: { effort: 'low', summary: 'detailed' },
      include: ['reasoning.encrypted_content'],
    });
    expect(warnings).toEqual([
      { type: 'unsupported', feature: 'temperature', details: 'gpt-5 is a reasoning model and takes no temperature' },
    ]);
    expect(bodyFor({ temperature: 0.3 }).body.temperature).toBe(0.3);
    expect(bodyFor({}, 'o4-mini', { includeEncryptedReasoning: false }).body.include).toBeUndefined();
  });

  it('maps typed options, lets request options win over model options, and merges additionalParams last', () => {
    const { body } = bodyFor(
      {
        providerOptions: { openai: { store: false, user: 'request-user' } },
        additionalParams: { top_p: 0.5, store: true },
      },
      'gpt-4o',
      {
        store: true,
        user: 'model-user',
        previousResponseId: 'resp_prev',
        parallelToolCalls: false,
        serviceTier: 'flex',
        truncation: 'auto',
        safetyIdentifier: 'sid',
        promptCacheKey: 'pck',
        metadata: { team: 'a' },
        maxToolCalls: 3,
        topLogprobs: 2,
        textVerbosity: 'low',
        include: ['message.output_text.logprobs'],
      },
    );
    expect(body).toEqual({
      model: 'gpt-4o',
      input: [{ role: 'user', content: 'hi' }],
      text: { format: { type: 'text' }, verbosity: 'low' },
      include: ['message.output_text.logprobs'],
      store: true,
      previous_response_id: 'resp_prev',
      parallel_tool_calls: false,
      service_tier: 'flex',
      truncation: 'auto',
      user: 'request-user',
      safety_identifier: 'sid',
      prompt_cache_key: 'pck',
      metadata: { team: 'a' },
      max_tool_calls: 3,
      top_logprobs: 2,
      top_p: 0.5,
    });
  });

  it('keeps a model option that a request leaves undefined, and names options that are not an object', () => {
    const { body } = bodyFor({ providerOptions: { openai: { user: undefined, store: false } } }, 'gpt-4o', {
      user: 'model-user',
      store: true,
    });
    expect(body).toEqual({
      model: 'gpt-4o',
      input: [{ role: 'user', content: 'hi' }],
      user: 'model-user',
      store: false,
    });
    expect(() => bodyFor({ providerOptions: { openai: 'fast' as never } })).toThrow(
      expect.objectContaining({
        kind: 'request',
        path: 'providerOptions.openai',
        message: 'providerOptions.openai must be an object of openai options',
      }),
    );
  });
});

describe('Responses API history round trips match the recorded requests', () => {
  it('replays a parallel tool-call turn as pydantic-ai recorded it', async () => {
    const first = readJsonFixture<ResponsesResponse>(
      'openai-responses/pydantic-ai/test_openai_responses_model_retry.0.response.json',
    );
    const recordedRequest = readJsonFixture<{ request_body: { input: unknown[] } }>(
      'openai-responses/pydantic-ai/test_openai_responses_model_retry.1.meta.json',
    ).request_body;
    const recorded = recordingFetch(() => jsonResponse(first));
    const model = new OpenAIResponsesModel('gpt-4o', {
      provider: 'openai',
      transport: openAITestTransport({ fetch: recorded.fetch }),
    });
    const turn = await model.completion({
      chatHistory: [Message.user('What is the location of Londos and London?')],
      documents: [],
      tools: [],
    });
    const calls = turn.choice.filter((block) => block.type === 'tool-call');
    expect(calls).toHaveLength(2);
    const history = [
      Message.user('What is the location of Londos and London?'),
      Message.assistant(turn.choice, turn.id),
      {
        role: 'user' as const,
        content: [
          {
            type: 'tool-result' as const,
            id: calls[0]!.id,
            content: [
              {
                type: 'text' as const,
                text: 'Wrong location, I only know about "London".\n\nFix the errors and try again.',
              },
            ],
          },
          {
            type: 'tool-result' as const,
            id: calls[1]!.id,
            content: [{ type: 'text' as const, text: '{"lat": 51, "lng": 0}' }],
          },
        ],
      },
    ];
    const { body } = model.requestBody({ chatHistory: history as never, documents: [], tools: [] }, false);
    // pydantic-ai also sends an empty assistant message before the calls and omits the item ids; otherwise equal.
    const expected = recordedRequest.input.filter((item) => (item as { content?: string }).content !== '');
    expect(body.input.map((item) => ({ ...item, id: undefined }))).toEqual(
      expected.map((item) => ({ ...(item as object), id: undefined })),
    );
    expect(specErrors('CreateResponse', body)).toEqual([]);
  });

  it('keeps reasoning attached to the message that followed it (the recorded 400 sent an easy message instead)', async () => {
    const first = readJsonFixture<ResponsesResponse>(
      'openai-responses/pydantic-ai/test_openai_responses_thinking_with_modified_history.0.response.json',
    );
    const rejected = readJsonFixture<{ request_body: { input: { type?: string; id?: string }[] } }>(
      'openai-responses/pydantic-ai/test_openai_responses_thinking_with_modified_history.1.meta.json',
    );
    const model = new OpenAIResponsesModel('gpt-5', {
      provider: 'openai',
      transport: openAITestTransport({ fetch: recordingFetch(() => jsonResponse(first)).fetch }),
    });
    const turn = await model.completion({
      chatHistory: [Message.user('What is the meaning of life?')],
      documents: [],
      tools: [],
    });
    const { body } = model.requestBody(
      {
        chatHistory: [
          Message.user('What is the meaning of life?'),
          Message.assistant(turn.choice),
          Message.user('Anything to add?'),
        ],
        documents: [],
        tools: [],
      },
      false,
    );
    const reasoning = first.output[0] as { id: string; encrypted_content: string };
    const message = first.output[1] as { id: string };
    expect(body.input[1]).toMatchObject({
      type: 'reasoning',
      id: reasoning.id,
      encrypted_content: reasoning.encrypted_content,
    });
    expect(body.input[2]).toMatchObject({ type: 'message', role: 'assistant', id: message.id });
    expect(rejected.request_body.input[2]).toEqual({ content: 'The meaning of life is 42', role: 'assistant' });
    expect(body.include).toEqual(['reasoning.encrypted_content']);
    expect(specErrors('CreateResponse', body)).toEqual([]);
  });
});
