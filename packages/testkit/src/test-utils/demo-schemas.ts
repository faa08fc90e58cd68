import type { JsonSchema } from '@rig-ts/core';

/** The chat app's weather query, as rig-schema generates it. */
export const weatherQuery: JsonSchema = {
  type: 'object',
  properties: { city: { type: 'string', description: 'The city, e.g. Paris' } },
  required: ['city'],
  additionalProperties: false,
};
/** The chat app's calculation, as rig-schema generates it. */
export const calculation: JsonSchema = {
  type: 'object',
  properties: {
    operation: {
      type: 'string',
      enum: ['add', 'subtract', 'multiply', 'divide'],
      description: 'The arithmetic operation',
    },
    a: { type: 'number', description: 'The left operand' },
    b: { type: 'number', description: 'The right operand' },
  },
  required: ['operation', 'a', 'b'],
  additionalProperties: false,
};
/** The chat app's sentiment analysis (rig-ts's typed-output example), as rig-schema generates it. */
export const sentimentAnalysis: JsonSchema = {
  type: 'object',
  properties: {
    score: { type: 'number', description: 'The sentiment score from -1.0 to 1.0', minimum: -1, maximum: 1 },
    label: { type: 'string', description: 'The sentiment label' },
  },
  required: ['score', 'label'],
  additionalProperties: false,
};
