import { invalidRequest } from './errors/completion-error.js';
import { RigError } from './errors/rig-error.js';
import type { JsonObject } from './json-value.js';
import type { Warning } from './warning.js';

/** How a provider merges `additionalParams` into its request body. */
export interface MergeAdditionalParamsOptions {
  /** Array fields whose extra items are appended to the body's own (`tools`: hosted tools beside the function tools). */
  append?: readonly string[];
  /** Object fields merged key by key into the body's own (Gemini's `generationConfig`, Ollama's `options`). */
  merge?: readonly string[];
  /** Fields the call itself decides, never replaced (`stream`): an attempt is a warning. */
  keep?: readonly string[];
}

type Body = { [key: string]: unknown };

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function replaced(path: string): Warning {
  return { type: 'other', message: `additionalParams.${path} replaced the value rig-ts built from the request` };
}

// A fresh JSON copy: what is sent is plain data, read once (a getter runs once; a Proxy, a BigInt or a cycle is refused
// here, as a request error naming the field, rather than later while the body is serialized).
function jsonCopy(params: Body, path: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(params[path]);
  } catch (error) {
    throw invalidRequest(
      `additionalParams.${path} is not JSON data: ${error instanceof Error ? error.message : 'it cannot be serialized'}`,
      `additionalParams.${path}`,
    );
  }
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Merges a request's `additionalParams` into the provider's request `body`, last, and says what it replaced: a field
 * rig-ts already set from the request (the model, the temperature, a provider option…) is replaced and reported with a
 * `warning`; `append` fields add their items to the body's own (provider-hosted tools beside the function tools);
 * `merge` fields merge key by key (a replaced key is reported); `keep` fields are never replaced (reported).
 * @returns the warnings, in the order of the params.
 * @throws {CompletionError} of kind `request` when `params` cannot be read as JSON data (a throwing getter, a Proxy
 * that throws, a BigInt, a cycle).
 */
export function mergeAdditionalParams(
  body: Body,
  params: JsonObject | undefined,
  options: MergeAdditionalParamsOptions = {},
): Warning[] {
  const warnings: Warning[] = [];
  if (params === undefined) return warnings;
  let entries: [string, unknown][];
  try {
    entries = Object.keys(params).map((key) => [key, jsonCopy(params as Body, key)]);
  } catch (error) {
    if (RigError.isInstance(error)) throw error;
    throw invalidRequest(
      `additionalParams cannot be read: ${error instanceof Error ? error.message : 'it threw'}`,
      'additionalParams',
    );
  }
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const own = Object.hasOwn(body, key) ? body[key] : undefined;
    if (options.keep?.includes(key)) {
      warnings.push({
        type: 'other',
        message: `additionalParams.${key} was ignored: rig-ts sets ${key} for the call it makes`,
      });
    } else if (own === undefined) body[key] = value;
    else if (options.append?.includes(key) && Array.isArray(own) && Array.isArray(value))
      body[key] = [...own, ...value];
    else if (options.merge?.includes(key) && isObject(own) && isObject(value)) {
      const merged: Body = { ...own };
      for (const [inner, innerValue] of Object.entries(value)) {
        if (merged[inner] !== undefined) warnings.push(replaced(`${key}.${inner}`));
        merged[inner] = innerValue;
      }
      body[key] = merged;
    } else {
      warnings.push(replaced(key));
      body[key] = value;
    }
  }
  return warnings;
}
