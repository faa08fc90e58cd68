import type { Usage } from './usage.js';

/** Implemented by every provider's raw response and by finished streams. */
export interface GetTokenUsage {
  /** The usage the provider reported, or `undefined` when it reported none. */
  tokenUsage(): Usage | undefined;
}

/**
 * Gives a wire object a non-enumerable `tokenUsage()` method, so it still serializes exactly as received.
 * Providers use it for `rawResponse`.
 */
export function withTokenUsage<T extends object>(raw: T, usage: Usage | undefined): T & GetTokenUsage {
  Object.defineProperty(raw, 'tokenUsage', {
    value: () => usage,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return raw as T & GetTokenUsage;
}
