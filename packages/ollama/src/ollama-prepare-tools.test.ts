import { ToolChoice, type ToolDefinition } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { prepareOllamaTools } from './ollama-prepare-tools.js';

const temperature: ToolDefinition = {
  name: 'get_temperature',
  description: 'Get the current temperature for a city',
  parameters: {
    type: 'object',
    required: ['city'],
    properties: { city: { type: 'string', description: 'The name of the city' } },
  },
};
const conditions: ToolDefinition = {
  ...temperature,
  name: 'get_conditions',
  description: 'Get the current weather conditions for a city',
};
const wire = (definition: ToolDefinition) => ({
  type: 'function',
  function: { name: definition.name, description: definition.description, parameters: definition.parameters },
});

describe('prepareOllamaTools', () => {
  it('sends each tool as a function, as the docs show', () => {
    expect(prepareOllamaTools([temperature, conditions], undefined)).toEqual({
      tools: [wire(temperature), wire(conditions)],
      warnings: [],
    });
    expect(prepareOllamaTools([temperature], 'auto')).toEqual({ tools: [wire(temperature)], warnings: [] });
  });

  it('sends no tools without definitions, or when the choice is none', () => {
    expect(prepareOllamaTools([], undefined)).toEqual({ warnings: [] });
    expect(prepareOllamaTools([temperature], 'none')).toEqual({ warnings: [] });
  });

  it('warns that a call cannot be forced, and offers only the named tools for a specific choice', () => {
    const warning = {
      type: 'unsupported',
      feature: 'toolChoice',
      details: 'Ollama cannot force a tool call; the model may answer without one',
    };
    expect(prepareOllamaTools([temperature, conditions], 'required')).toEqual({
      tools: [wire(temperature), wire(conditions)],
      warnings: [warning],
    });
    expect(prepareOllamaTools([temperature, conditions], ToolChoice.specific('get_conditions'))).toEqual({
      tools: [wire(conditions)],
      warnings: [warning],
    });
  });

  it('warns that strict schemas are not enforced', () => {
    expect(prepareOllamaTools([{ ...temperature, strict: true }], undefined).warnings).toEqual([
      { type: 'unsupported', feature: 'strict', details: 'tool "get_temperature": Ollama has no strict schema mode' },
    ]);
  });
});
