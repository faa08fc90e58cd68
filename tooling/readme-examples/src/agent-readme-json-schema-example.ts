import { tool } from 'rig-ts';

export const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  execute: async ({ city }: { city: string }) => `Sunny in ${city}`,
});
