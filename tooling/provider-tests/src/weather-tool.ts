import type { ToolDefinition } from '@rig-ts/core';

/** The function tool request tests send: the weather in a city, a schema strict mode can take as it is. */
export const weatherTool: ToolDefinition = {
  name: 'weather',
  description: 'Weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};
