import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from './completion-request.js';
import { CompletionError } from './errors/completion-error.js';
import { mergeProviderOptions } from './merge-provider-options.js';
import { thrown } from './test-utils/thrown.js';

interface Options {
  topK?: number | undefined;
  effort?: string | undefined;
}

function request(providerOptions?: unknown): CompletionRequest {
  return {
    chatHistory: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    tools: [],
    documents: [],
    providerOptions,
  } as CompletionRequest;
}

describe('mergeProviderOptions', () => {
  it('lays the request options over the model options, field by field', () => {
    expect(
      mergeProviderOptions<Options>({ topK: 5, effort: 'low' }, request({ acme: { effort: 'high' } }), 'acme'),
    ).toEqual({ topK: 5, effort: 'high' });
  });

  it('keeps a model option the request leaves undefined', () => {
    expect(
      mergeProviderOptions<Options>({ topK: 5 }, request({ acme: { topK: undefined, effort: 'high' } }), 'acme'),
    ).toEqual({ topK: 5, effort: 'high' });
  });

  it('reads only its own provider, and copies (never changes) the model options', () => {
    const model: Options = { topK: 5 };
    const merged = mergeProviderOptions(model, request({ other: { topK: 9 } }), 'acme');
    expect(merged).toEqual({ topK: 5 });
    merged.topK = 1;
    expect(model).toEqual({ topK: 5 });
    expect(mergeProviderOptions<Options>(undefined, request(), 'acme')).toEqual({});
  });

  it('keeps a __proto__ key of parsed JSON as data, never as the prototype of the options', () => {
    const overrides = JSON.parse('{"__proto__": {"topK": 99}, "effort": "high"}') as object;
    const merged = mergeProviderOptions<Options>({}, request({ acme: overrides }), 'acme');
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.topK).toBeUndefined();
    expect(merged.effort).toBe('high');
  });

  it.each([
    ['a string', 'fast'],
    ['null', null],
    ['an array', [1]],
  ])('fails with a request error naming the field when the options are %s', (_name, value) => {
    const caught = thrown(() => mergeProviderOptions<Options>({}, request({ acme: value }), 'acme'));
    expect(CompletionError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      kind: 'request',
      path: 'providerOptions.acme',
      message: 'providerOptions.acme must be an object of acme options',
    });
  });
});
