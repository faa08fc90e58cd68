import { readJsonFixture } from '@rig-ts/fixtures';
import { Message, type CompletionResponse } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from './json-schema.js';
import { EXTRACTION_PREAMBLE, extract, extractWithDetails } from './extract.js';
import { ScriptedModel, textResponse } from './test-utils/scripted-model.js';
import { Profile } from './test-utils/schemas.gen.js';

interface Weather {
  elements: { location: string; temperature: number; condition: 'sunny' | 'cloudy' | 'rainy' | 'snowy' }[];
}

const weatherSchema = {
  type: 'object',
  description: 'Weather reports',
  properties: {
    elements: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          location: { type: 'string' },
          temperature: { type: 'number' },
          condition: { enum: ['sunny', 'cloudy', 'rainy', 'snowy'] },
        },
        required: ['location', 'temperature', 'condition'],
      },
    },
  },
  required: ['elements'],
};
const Weather = jsonSchema<Weather>(weatherSchema, { name: 'Weather' });

function submitCall(
  args: unknown,
  id = 'toolu_1',
  usage = { promptTokens: 100, completionTokens: 20, totalTokens: 120 },
): CompletionResponse {
  return {
    choice: [{ type: 'tool-call', id, function: { name: 'submit', arguments: args } }],
    usage,
    finishReason: 'tool-calls',
    rawResponse: {},
  };
}

const submitTool = {
  name: 'submit',
  description: 'Submit the structured data extracted from the text: Weather reports',
  parameters: weatherSchema,
};

describe('extract', () => {
  it("forces a submit tool call and validates its arguments (vercel/ai's recorded forced tool_use input)", async () => {
    const recorded = readJsonFixture<{ content: { input: unknown }[] }>(
      'anthropic/vercel-ai/anthropic-json-tool.1.json',
    );
    const model = new ScriptedModel([submitCall(recorded.content[0]!.input)]);
    const text = 'San Francisco -5 and snowing, London 0 and snowing, Paris 23 and cloudy, Berlin -9 and snowing.';
    const weather = await extract(model, Weather, text);
    expect(weather).toEqual(recorded.content[0]!.input);
    expect(weather.elements.map((element) => element.location)).toEqual(['San Francisco', 'London', 'Paris', 'Berlin']);
    expect(model.requests).toEqual([
      {
        request: {
          chatHistory: [Message.user(text)],
          documents: [],
          tools: [submitTool],
          toolChoice: 'required',
          preamble: EXTRACTION_PREAMBLE,
        },
        options: {},
      },
    ]);
  });

  it('answers an invalid submission with the errors as the tool result, and sums usage', async () => {
    const model = new ScriptedModel([
      submitCall({ elements: [{ location: 'Paris', temperature: '23', condition: 'cloudy' }] }, 'toolu_1'),
      submitCall({ elements: [{ location: 'Paris', temperature: 23, condition: 'cloudy' }] }, 'toolu_2', {
        promptTokens: 150,
        completionTokens: 18,
        totalTokens: 168,
      }),
    ]);
    const result = await extractWithDetails(model, Weather, 'Paris: 23 degrees, cloudy.', {
      preamble: 'Temperatures are in Celsius.',
    });
    expect(result.value).toEqual({ elements: [{ location: 'Paris', temperature: 23, condition: 'cloudy' }] });
    expect(result.usage).toEqual({ promptTokens: 250, completionTokens: 38, totalTokens: 288 });
    const second = model.requests[1]!.request;
    expect(second.preamble).toBe(`${EXTRACTION_PREAMBLE}\n\nAdditional instructions:\nTemperatures are in Celsius.`);
    expect(second.chatHistory).toEqual([
      Message.user('Paris: 23 degrees, cloudy.'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            id: 'toolu_1',
            function: {
              name: 'submit',
              arguments: { elements: [{ location: 'Paris', temperature: '23', condition: 'cloudy' }] },
            },
          },
        ],
      },
      Message.toolResult(
        'toolu_1',
        'Your answer does not match the JSON schema "Weather":\n- /elements/0/temperature: must be number\nReply with only the corrected JSON value. Call the `submit` function with it.',
        { name: 'submit', isError: true },
      ),
    ]);
  });

  it('fails with the validation error when repairs run out', async () => {
    const model = new ScriptedModel([submitCall({ elements: 'none' })]);
    await expect(extract(model, Weather, 'No weather here.', { maxRepairs: 0 })).rejects.toMatchObject({
      kind: 'validation',
      rawText: '{"elements":"none"}',
      errors: [{ path: '/elements', message: 'must be array', keyword: 'type' }],
    });
  });

  it('reads JSON answered as text when the model does not call the tool', async () => {
    const model = new ScriptedModel([textResponse('```json\n{"name": "Ada", "nickname": null}\n```')]);
    expect(await extract(model, Profile, 'Ada Lovelace, no nickname.')).toEqual({ name: 'Ada' });
  });

  it('wraps a schema that is not an object as the `value` parameter', async () => {
    const Names = jsonSchema<string[]>(
      { type: 'array', items: { $ref: '#/definitions/Name' }, definitions: { Name: { type: 'string', minLength: 1 } } },
      { name: 'Names' },
    );
    const model = new ScriptedModel([submitCall('{"value": ["Ada", "Grace"]}')]);
    expect(await extract(model, Names, 'Ada and Grace wrote programs.')).toEqual(['Ada', 'Grace']);
    expect(model.requests[0]!.request.tools).toEqual([
      {
        name: 'submit',
        description: 'Submit the structured data extracted from the text.',
        parameters: {
          type: 'object',
          properties: { value: { type: 'array', items: { $ref: '#/definitions/Name' } } },
          required: ['value'],
          definitions: { Name: { type: 'string', minLength: 1 } },
        },
      },
    ]);
  });
});
