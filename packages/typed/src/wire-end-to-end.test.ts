import { readJsonFixture } from '@rig-ts/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import { promptTypedWithDetails } from './prompt-typed.js';
import { AnthropicStubModel, OpenAIChatStubModel } from './test-utils/wire-stub-models.js';
import { CityLocation, Profile, Recipe, SentimentAnalysis } from './test-utils/schemas.gen.js';

// Typed output over loopback servers speaking the OpenAI Chat and Anthropic Messages wires, through tiny stub models
// (test-utils/wire-stub-models.ts) standing in for the provider packages.

const PROMPT = "Analyze the sentiment of: 'I love this product!'";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function openAIBody(content: string, usage: { prompt_tokens: number; completion_tokens: number }): unknown {
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function anthropicBody(text: string, usage: { input_tokens: number; output_tokens: number }): unknown {
  return {
    id: 'msg_stub',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { ...usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

const sentimentSchema = SentimentAnalysis.jsonSchema;

describe('SentimentAnalysis over the OpenAI Chat wire', () => {
  it('sends the schema as strict response_format json_schema and returns the validated value', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(
        response,
        200,
        openAIBody('{"score":0.92,"label":"positive"}', { prompt_tokens: 81, completion_tokens: 12 }),
      ),
    );
    const result = await promptTypedWithDetails(new OpenAIChatStubModel(server.url), SentimentAnalysis, PROMPT);
    expect(result.value).toEqual({ score: 0.92, label: 'positive' });
    expect(result.usage).toEqual({ promptTokens: 81, completionTokens: 12, totalTokens: 93 });
    expect(server.requests.map((request) => [request.method, request.url, JSON.parse(request.body)])).toEqual([
      [
        'POST',
        '/v1/chat/completions',
        {
          model: 'gpt-4o',
          messages: [{ role: 'user', content: PROMPT }],
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: 'SentimentAnalysis',
              description: 'The sentiment of a text.',
              schema: { ...sentimentSchema, required: ['score', 'label'], additionalProperties: false },
              strict: true,
            },
          },
        },
      ],
    ]);
  });

  it('repairs an invalid answer in a second call, usage covering both', async () => {
    server = await startLoopbackServer((_request, response, index) =>
      sendJson(
        response,
        200,
        index === 0
          ? openAIBody('{"score":1.5,"label":"positive"}', { prompt_tokens: 81, completion_tokens: 12 })
          : openAIBody('{"score":1,"label":"positive"}', { prompt_tokens: 130, completion_tokens: 11 }),
      ),
    );
    const result = await promptTypedWithDetails(new OpenAIChatStubModel(server.url), SentimentAnalysis, PROMPT);
    expect(result.value).toEqual({ score: 1, label: 'positive' });
    expect(result.usage).toEqual({ promptTokens: 211, completionTokens: 23, totalTokens: 234 });
    expect(JSON.parse(server.requests[1]!.body).messages).toEqual([
      { role: 'user', content: PROMPT },
      { role: 'assistant', content: '{"score":1.5,"label":"positive"}' },
      {
        role: 'user',
        content:
          'Your answer does not match the JSON schema "SentimentAnalysis":\n- /score: must be <= 1\nReply with only the corrected JSON value.',
      },
    ]);
  });

  it('accepts the nulls strict mode forces for optional properties', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(
        response,
        200,
        openAIBody(
          '{"name":"Ada","nickname":null,"middleName":null,"address":null,"tags":[{"label":"math","weight":null}]}',
          { prompt_tokens: 50, completion_tokens: 30 },
        ),
      ),
    );
    const result = await promptTypedWithDetails(new OpenAIChatStubModel(server.url), Profile, 'Describe Ada Lovelace', {
      maxRepairs: 0,
    });
    expect(result.value).toEqual({ name: 'Ada', middleName: null, tags: [{ label: 'math' }] });
    const schema = JSON.parse(server.requests[0]!.body).response_format.json_schema.schema;
    expect(schema.required).toEqual(['name', 'nickname', 'middleName', 'address', 'tags']);
    expect(schema.properties.nickname).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it("reads pydantic-ai's recorded native-output answer", async () => {
    const recorded = readJsonFixture('openai/pydantic-ai/test_openai_native_output.1.response.json');
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, recorded));
    const result = await promptTypedWithDetails(
      new OpenAIChatStubModel(server.url),
      CityLocation,
      'What is the largest city in Mexico?',
    );
    expect(result.value).toEqual({ city: 'Mexico City', country: 'Mexico' });
    expect(result.usage).toEqual({ promptTokens: 92, completionTokens: 15, totalTokens: 107 });
    expect(JSON.parse(server.requests[0]!.body).response_format.json_schema.name).toBe('CityLocation');
  });
});

describe('SentimentAnalysis over the Anthropic Messages wire', () => {
  it('sends the schema as output_config.format json_schema and returns the validated value', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(
        response,
        200,
        anthropicBody('{"score": 0.9, "label": "positive"}', { input_tokens: 120, output_tokens: 14 }),
      ),
    );
    const result = await promptTypedWithDetails(new AnthropicStubModel(server.url), SentimentAnalysis, PROMPT, {
      preamble: 'You analyse sentiment.',
    });
    expect(result.value).toEqual({ score: 0.9, label: 'positive' });
    expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 14, totalTokens: 134 });
    expect(server.requests.map((request) => [request.url, JSON.parse(request.body)])).toEqual([
      [
        '/v1/messages',
        {
          model: 'claude-sonnet-4-5',
          max_tokens: 4096,
          system: 'You analyse sentiment.',
          messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
          output_config: { format: { type: 'json_schema', schema: sentimentSchema } },
        },
      ],
    ]);
  });

  it("reads vercel/ai's recorded native-output answer", async () => {
    const recorded = readJsonFixture('anthropic/vercel-ai/anthropic-json-output-format.1.json');
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, recorded));
    const result = await promptTypedWithDetails(new AnthropicStubModel(server.url), Recipe, 'A lasagna recipe');
    expect(result.value).toEqual(JSON.parse(recorded.content[0].text));
    expect(result.value.recipe.ingredients[0]).toEqual({ name: 'lasagna noodles', amount: '12 sheets' });
    expect(result.value.recipe.steps.length).toBe(15);
    expect(result.usage).toEqual({ promptTokens: 371, completionTokens: 629, totalTokens: 1000 });
  });
});
