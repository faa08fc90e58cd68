import { tool } from 'rig-ts';
import { jsonSchema } from '@rig-ts/typed/ajv';

export const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
  execute: async ({ city }) => `Sunny in ${city}`,
});
