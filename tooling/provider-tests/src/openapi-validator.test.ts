import { describe, expect, it } from 'vitest';
import { openApiSpec } from './openapi-validator.js';

describe('openApiSpec', () => {
  it("checks bodies against Mistral's published spec", () => {
    const check = openApiSpec('mistral/spec/openapi.yaml');
    expect(
      check('ChatCompletionRequest', {
        model: 'mistral-small-latest',
        messages: [{ role: 'user', content: 'hi' }],
        max_tokens: 10,
      }),
    ).toEqual([]);
    expect(
      check('ChatCompletionRequest', {
        model: 'mistral-small-latest',
        messages: [{ role: 'user', content: 'hi' }],
        stream_options: { include_usage: true },
      }),
    ).toEqual([' must NOT have additional properties {"additionalProperty":"stream_options"}']);
    expect(() => check('NoSuchSchema', {})).toThrow('no schema NoSuchSchema in mistral/spec/openapi.yaml');
  });
});
