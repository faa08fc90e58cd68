import type { CompletionRequest } from './completion-request.js';
import { invalidRequest } from './errors/completion-error.js';

/**
 * A model's options with the request's `providerOptions[provider]` laid over them field by field: the one way every
 * provider merges its options. A field the request sets to `undefined` keeps the model's value (so a request never
 * wipes a model-level option by leaving a field empty); `providerOptions[provider]` that is not an object is a
 * `request` error naming it.
 */
export function mergeProviderOptions<Options extends object>(
  modelOptions: Options | undefined,
  request: CompletionRequest,
  provider: string,
): Options {
  const overrides: unknown = request.providerOptions?.[provider];
  if (overrides === undefined) return { ...modelOptions } as Options;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw invalidRequest(
      `providerOptions.${provider} must be an object of ${provider} options`,
      `providerOptions.${provider}`,
    );
  }
  // Spread and fromEntries define own properties: a `__proto__` key in parsed JSON stays data, never a prototype.
  const set = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...modelOptions, ...Object.fromEntries(set) } as Options;
}
