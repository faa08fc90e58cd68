import { Message } from '@rig-ts/core';
import { readFixture, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import {
  describeRecordings,
  jsonResponse,
  recordingFetch,
  replayRequest,
  sseDataPayloads,
  sseResponse,
  type Expectations,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as compatible from './index.js';

const client = (fetch: typeof globalThis.fetch, quirks: Partial<compatible.ChatQuirks> = {}) =>
  new compatible.Client({ name: 'local', baseURL: 'http://localhost:8000/v1', fetch, maxRetries: 0, quirks });

describeRecordings('OpenAI-compatible servers', {
  expectations: expectations as Expectations,
  chatModel: (fetch) => client(fetch).completionModel('local-model'),
  responsesModel: (fetch) => compatible.responsesModel(client(fetch), 'local-model'),
});

describe('OpenAI-compatible recordings, by hand', () => {
  it('covers the generic, Ollama /v1, Alibaba and LM Studio (Open Responses) recordings', () => {
    expect(Object.keys(expectations.chat).map((file) => file.split('/')[0])).toEqual([
      ...Array(2).fill('openai-compatible'),
      ...Array(4).fill('ollama'),
      ...Array(6).fill('alibaba'),
    ]);
    expect(Object.keys(expectations.responses).every((file) => file.startsWith('open-responses/'))).toBe(true);
    expect(Object.keys(expectations.responses)).toHaveLength(7);
  });

  it('names tool calls the server sent without an id, and pairs the result with that name in the next request', async () => {
    const recorded = recordingFetch((_body, index) =>
      jsonResponse(
        readJsonFixture(
          `openai-compatible/pydantic-ai/test_compatible_api_with_tool_calls_without_id.${index}.response.json`,
        ),
      ),
    );
    const model = client(recorded.fetch).completionModel('gemini-2.5-pro-preview-05-06');
    const tool = {
      name: 'get_current_time',
      description: 'Get the current time.',
      parameters: { additionalProperties: false, properties: {}, type: 'object' },
    };
    const question = Message.user('What is the current time?');
    const first = await model.completionRequest(question).tool(tool).toolChoice('auto').send();
    expect(first.choice).toEqual([
      { type: 'tool-call', id: 'call_0', function: { name: 'get_current_time', arguments: {} } },
    ]);
    const second = await model
      .completionRequest(Message.toolResult('call_0', 'Noon'))
      .messages([question, Message.assistant(first.choice)])
      .tool(tool)
      .toolChoice('auto')
      .send();
    expect(second.choice).toEqual([{ type: 'text', text: 'The current time is Noon.' }]);
    // pydantic-ai named the id-less call `pyd_ai_…`; rig-ts names it `call_<index>`: otherwise the request is the recorded one.
    const recordedFollowUp = JSON.stringify(
      readJsonFixture('openai-compatible/pydantic-ai/test_compatible_api_with_tool_calls_without_id.1.meta.json')
        .request_body,
    ).replaceAll('pyd_ai_cee885c699414386a7e14b7ec43cadbc', 'call_0');
    const { stream: _stream, ...expectedBody } = JSON.parse(recordedFollowUp);
    expect(recorded.requests[1]?.body).toEqual(expectedBody);
  });

  it('assembles a tool call that starts at index 1 with empty argument chunks (synthetic gateway capture)', async () => {
    const file = 'openai-compatible/vercel-ai/synthetic/anthropic-fallback-tool-call.sse';
    const bytes = readFixture(file);
    // The capture ends `data: [DONE]\n` without the blank line that dispatches an event, so by the SSE rules the
    // [DONE] never arrives: with the default requireDone the stream is truncated; a server like this needs
    // `requireDone: false`, which ends the stream on its finish reason.
    const strict = await (
      await client(recordingFetch(() => sseResponse([bytes])).fetch)
        .completionModel('claude-haiku-4-5-20251001')
        .stream(replayRequest)
    ).final.catch((caught: unknown) => caught);
    expect(strict).toMatchObject({ kind: 'response', reason: 'truncated' });
    const lenient = await (
      await client(recordingFetch(() => sseResponse([bytes])).fetch, { requireDone: false })
        .completionModel('claude-haiku-4-5-20251001')
        .stream(replayRequest)
    ).final;
    const argumentsText = sseDataPayloads(readTextFixture(file))
      .flatMap((chunk) => chunk.choices?.[0]?.delta?.tool_calls ?? [])
      .map((call: { function?: { arguments?: string } }) => call.function?.arguments ?? '')
      .join('');
    expect(lenient.choice).toEqual([
      { type: 'text', text: 'Reading it.' },
      {
        type: 'tool-call',
        id: 'toolu_sanitized',
        function: { name: 'read_file', arguments: JSON.parse(argumentsText) },
      },
    ]);
    expect([lenient.finishReason, lenient.rawFinishReason, lenient.id, lenient.model]).toEqual([
      'tool-calls',
      'tool_calls',
      'msg_sanitized',
      'claude-haiku-4-5-20251001',
    ]);
  });

  it('skips SSE comment lines and surfaces error objects and `event: error` frames of a 200 stream, whatever the server', async () => {
    const gateway = (file: string) =>
      client(recordingFetch(() => sseResponse([readFixture(file)])).fetch)
        .completionModel('m')
        .stream(replayRequest);
    const commented = await (
      await gateway('openrouter/pydantic-ai/test_openrouter_streaming_reasoning.0.response.sse')
    ).final;
    expect(commented.choice.at(-1)).toEqual({ type: 'text', text: '2 + 2 = 4' });
    await expect(
      (await gateway('openrouter/pydantic-ai/test_openrouter_stream_error.0.response.sse')).final,
    ).rejects.toMatchObject({ kind: 'provider', message: 'local reported an error (400): Token limit reached' });
    await expect(
      (await gateway('groq/pydantic-ai/test_tool_use_failed_error_streaming.0.response.sse')).final,
    ).rejects.toMatchObject({
      kind: 'provider',
      message: expect.stringMatching(/^local reported an error \(tool_use_failed\): Tool call validation failed/),
    });
  });

  it("sends Ollama's recorded JSON-schema request and reads its reasoning field", async () => {
    const meta = readJsonFixture('ollama/pydantic-ai/test_ollama_local_native_output_uses_json_schema.0.meta.json');
    const recorded = recordingFetch(() =>
      jsonResponse(
        readJsonFixture('ollama/pydantic-ai/test_ollama_local_native_output_uses_json_schema.0.response.json'),
      ),
    );
    const ollama = new compatible.Client({ ...compatible.KNOWN_SERVERS.ollama, fetch: recorded.fetch }).completionModel(
      'qwen3:0.6b',
    );
    const { json_schema: recordedSchema } = meta.request_body.response_format;
    const response = await ollama
      .completionRequest(Message.user(meta.request_body.messages.at(-1).content))
      .outputSchema({ name: recordedSchema.name, jsonSchema: recordedSchema.schema })
      .send();
    expect(recorded.requests[0]).toMatchObject({
      url: 'http://localhost:11434/v1/chat/completions',
      headers: { 'content-type': 'application/json' },
    });
    expect(recorded.requests[0]?.headers.authorization).toBeUndefined();
    // The recorded request omits `strict`; rig-ts says `strict: false` explicitly, which means the same.
    expect(recorded.requests[0]?.body).toEqual({
      model: 'qwen3:0.6b',
      messages: [meta.request_body.messages.at(-1)],
      response_format: { type: 'json_schema', json_schema: { ...recordedSchema, strict: false } },
    });
    expect(response.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    expect(response.choice[1]).toEqual({ type: 'text', text: '{ "city": "Paris", "country": "France" }' });
  });

  it("sends Ollama Cloud's recorded JSON-mode request when the server has JSON mode only", async () => {
    const meta = readJsonFixture('ollama/pydantic-ai/test_ollama_cloud_prompted_output.0.meta.json');
    const recorded = recordingFetch(() =>
      jsonResponse(readJsonFixture('ollama/pydantic-ai/test_ollama_cloud_prompted_output.0.response.json')),
    );
    const model = new compatible.Client({
      ...compatible.KNOWN_SERVERS.ollama,
      baseURL: 'https://ollama.com/v1',
      apiKey: 'ollama-key',
      fetch: recorded.fetch,
      quirks: { ...compatible.KNOWN_SERVERS.ollama.quirks, structuredOutput: 'json_object' },
    }).completionModel('gpt-oss:20b');
    const response = await model
      .completionRequest(Message.user(meta.request_body.messages[1].content))
      .outputSchema({ type: 'object', properties: { name: { type: 'string' } } })
      .send();
    expect(recorded.requests[0]).toMatchObject({
      url: 'https://ollama.com/v1/chat/completions',
      headers: { authorization: 'Bearer ollama-key' },
    });
    expect(recorded.requests[0]?.body.response_format).toEqual(meta.request_body.response_format);
    expect(response.choice.at(-1)).toEqual({ type: 'text', text: '{"name":"Loki","animal":"cat","age":3}' });
    expect(response.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'output schema',
        details:
          'this server does not enforce JSON schemas; the schema was put in the instructions and JSON mode turned on',
      },
    ]);
  });

  it('talks to LM Studio through the Responses API at /v1/responses', async () => {
    const recorded = recordingFetch(() =>
      sseResponse([
        readTextFixture('open-responses/vercel-ai/lmstudio-tool-call.1.chunks.txt')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => `event: ${JSON.parse(line).type}\ndata: ${line}\n\n`)
          .join(''),
      ]),
    );
    const lmStudio = new compatible.Client({ ...compatible.KNOWN_SERVERS.lmStudio, fetch: recorded.fetch });
    const final = await (
      await compatible
        .responsesModel(lmStudio, 'zai-org/glm-4.7-flash')
        .completionRequest('Weather in San Francisco?')
        .stream()
    ).final;
    expect(recorded.requests[0]).toMatchObject({
      url: 'http://localhost:1234/v1/responses',
      body: {
        model: 'zai-org/glm-4.7-flash',
        input: [{ role: 'user', content: 'Weather in San Francisco?' }],
        stream: true,
      },
    });
    expect(final.choice.at(-1)).toMatchObject({
      type: 'tool-call',
      function: { name: 'weather', arguments: { location: 'San Francisco' } },
    });
    expect(final.finishReason).toBe('tool-calls');
  });
});
