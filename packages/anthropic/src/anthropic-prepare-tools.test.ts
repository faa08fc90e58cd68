import type { ToolDefinition } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { prepareAnthropicTools } from './anthropic-prepare-tools.js';
import { requestError } from '@rig-ts/provider-tests';

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Get the weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: ToolDefinition = { name: 'get_time', description: '', parameters: { type: 'object', properties: {} } };
const wireWeather = { name: 'get_weather', description: 'Get the weather of a city', input_schema: weather.parameters };
const wireTime = { name: 'get_time', description: '', input_schema: time.parameters };

describe('prepareAnthropicTools', () => {
  it('sends no tools and no tool choice when none are declared', () => {
    expect(prepareAnthropicTools({ tools: [] })).toEqual({ warnings: [] });
    expect(prepareAnthropicTools({ tools: [], toolChoice: 'none' })).toEqual({ warnings: [] });
  });

  it('maps definitions and defaults the choice to auto', () => {
    expect(prepareAnthropicTools({ tools: [weather, time] })).toEqual({
      tools: [wireWeather, wireTime],
      toolChoice: { type: 'auto' },
      warnings: [],
    });
  });

  it('keeps strict and a cache breakpoint from providerOptions.anthropic', () => {
    const tool: ToolDefinition = {
      ...weather,
      strict: true,
      providerOptions: { anthropic: { cacheControl: { type: 'ephemeral', ttl: '1h' } } },
    };
    expect(prepareAnthropicTools({ tools: [tool] }).tools).toEqual([
      { ...wireWeather, strict: true, cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [
      { type: 'specific', functionNames: ['get_time'] },
      { type: 'tool', name: 'get_time' },
    ],
  ] as const)('maps the choice %j', (toolChoice, expected) => {
    expect(prepareAnthropicTools({ tools: [weather, time], toolChoice }).toolChoice).toEqual(expected);
  });

  it('refuses a choice of several functions', () => {
    const error = requestError(() =>
      prepareAnthropicTools({
        tools: [weather, time],
        toolChoice: { type: 'specific', functionNames: ['get_weather', 'get_time'] },
      }),
    );
    expect(error).toMatchObject({ kind: 'request', path: 'toolChoice.functionNames', isRetryable: false });
    expect(error.message).toBe('toolChoice names 2 functions (get_weather, get_time); Anthropic can force exactly one');
  });

  it('disables parallel tool use on every choice but none', () => {
    expect(prepareAnthropicTools({ tools: [weather], disableParallelToolUse: true }).toolChoice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(
      prepareAnthropicTools({ tools: [weather], toolChoice: 'required', disableParallelToolUse: true }).toolChoice,
    ).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(
      prepareAnthropicTools({ tools: [weather], toolChoice: 'none', disableParallelToolUse: true }).toolChoice,
    ).toEqual({ type: 'none' });
  });

  it('does not force a tool while thinking, with a warning', () => {
    expect(prepareAnthropicTools({ tools: [weather], toolChoice: 'required', thinking: true })).toEqual({
      tools: [wireWeather],
      toolChoice: { type: 'auto' },
      warnings: [
        {
          type: 'unsupported',
          feature: 'toolChoice',
          details: 'Anthropic cannot force tool use while thinking is enabled; "auto" was sent instead',
        },
      ],
    });
  });

  describe('structured output through the json tool', () => {
    const schema = { name: 'Weather', schema: { type: 'object', properties: { temperature: { type: 'number' } } } };
    const jsonTool = { name: 'json', description: 'Respond with a JSON object.', input_schema: schema.schema };

    it('forces the json tool when it is the only tool', () => {
      expect(prepareAnthropicTools({ tools: [], jsonTool: schema })).toEqual({
        tools: [jsonTool],
        toolChoice: { type: 'tool', name: 'json' },
        warnings: [],
      });
    });

    it('uses the schema description', () => {
      expect(prepareAnthropicTools({ tools: [], jsonTool: { ...schema, description: 'The weather' } }).tools).toEqual([
        { ...jsonTool, description: 'The weather' },
      ]);
    });

    it('leaves the choice to the model next to other tools, or while thinking', () => {
      expect(prepareAnthropicTools({ tools: [weather], jsonTool: schema })).toEqual({
        tools: [wireWeather, jsonTool],
        toolChoice: { type: 'auto' },
        warnings: [],
      });
      expect(prepareAnthropicTools({ tools: [], jsonTool: schema, thinking: true })).toEqual({
        tools: [jsonTool],
        toolChoice: { type: 'auto' },
        warnings: [],
      });
    });

    it('refuses a declared tool named json', () => {
      const error = requestError(() => prepareAnthropicTools({ tools: [{ ...time, name: 'json' }], jsonTool: schema }));
      expect(error).toMatchObject({ kind: 'request', path: 'tools' });
      expect(error.message).toBe(
        `a tool is named "json", the name structured output needs on this model; rename it or use structuredOutputMode 'native'`,
      );
    });
  });
});
