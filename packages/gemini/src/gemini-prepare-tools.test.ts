import { ToolChoice, type ToolDefinition } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { prepareGeminiTools } from './gemini-prepare-tools.js';

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};
const time: ToolDefinition = { name: 'get_time', description: '', parameters: { type: 'object', properties: {} } };
const declarations = {
  functionDeclarations: [
    { name: 'get_weather', description: 'The weather in a city.', parametersJsonSchema: weather.parameters },
    { name: 'get_time', description: '', parametersJsonSchema: { type: 'object', properties: {} } },
  ],
};

describe('prepareGeminiTools', () => {
  it('sends nothing without tools', () => {
    expect(prepareGeminiTools([], undefined)).toEqual({ warnings: [] });
    expect(prepareGeminiTools([], 'none')).toEqual({ warnings: [] });
  });

  it('sends the JSON Schemas unchanged as parametersJsonSchema, with no toolConfig when no choice is made', () => {
    expect(prepareGeminiTools([weather, time], undefined)).toEqual({ tools: [declarations], warnings: [] });
  });

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [ToolChoice.specific('get_time'), { mode: 'ANY', allowedFunctionNames: ['get_time'] }],
    [
      ToolChoice.specific('get_weather', 'get_time'),
      { mode: 'ANY', allowedFunctionNames: ['get_weather', 'get_time'] },
    ],
  ] as const)('tool choice %j → functionCallingConfig %j', (choice, config) => {
    expect(prepareGeminiTools([weather, time], choice)).toEqual({
      tools: [declarations],
      toolConfig: { functionCallingConfig: config },
      warnings: [],
    });
  });

  it('appends the provider tools after the declarations, and sends them alone when there are no functions', () => {
    expect(prepareGeminiTools([time], 'auto', [{ googleSearch: {} }, { codeExecution: {} }])).toEqual({
      tools: [
        { functionDeclarations: [declarations.functionDeclarations[1]] },
        { googleSearch: {} },
        { codeExecution: {} },
      ],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      warnings: [],
    });
    expect(prepareGeminiTools([], undefined, [{ urlContext: {} }])).toEqual({
      tools: [{ urlContext: {} }],
      warnings: [],
    });
  });

  it('warns that strict schemas are not enforced', () => {
    expect(prepareGeminiTools([{ ...weather, strict: true }], undefined).warnings).toEqual([
      { type: 'unsupported', feature: 'strict', details: 'tool "get_weather": Gemini has no strict schema mode' },
    ]);
  });
});
