import type { Attributes } from '@opentelemetry/api';
import type { CompletionRequest } from '@rig-ts/core';
import {
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
} from './gen-ai-attributes.js';

// Where a request may carry the other sampling settings: the provider's typed options (camelCase) or the body
// fields of `additionalParams` (the wire's snake_case). Options a model was created with are not visible here.
const SAMPLING: readonly (readonly [attribute: string, option: string, field: string])[] = [
  [ATTR_GEN_AI_REQUEST_TOP_P, 'topP', 'top_p'],
  [ATTR_GEN_AI_REQUEST_TOP_K, 'topK', 'top_k'],
  [ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, 'frequencyPenalty', 'frequency_penalty'],
  [ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, 'presencePenalty', 'presence_penalty'],
  [ATTR_GEN_AI_REQUEST_SEED, 'seed', 'seed'],
];

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function stopSequences(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/** The request settings the conventions record (temperature, max tokens, sampling, output type). */
export function requestAttributes(request: CompletionRequest, provider: string): Attributes {
  const attributes: Attributes = {};
  if (finite(request.temperature)) attributes[ATTR_GEN_AI_REQUEST_TEMPERATURE] = request.temperature;
  if (finite(request.maxTokens)) attributes[ATTR_GEN_AI_REQUEST_MAX_TOKENS] = request.maxTokens;
  const options = request.providerOptions?.[provider] as { [key: string]: unknown } | undefined;
  const body = request.additionalParams as { [key: string]: unknown } | undefined;
  if (options === undefined && body === undefined) {
    if (request.outputSchema !== undefined) attributes[ATTR_GEN_AI_OUTPUT_TYPE] = 'json';
    return attributes;
  }
  for (const [attribute, option, field] of SAMPLING) {
    const value = body?.[field] ?? options?.[option];
    if (finite(value)) attributes[attribute] = value;
  }
  const stop = stopSequences(body?.stop ?? body?.stop_sequences ?? options?.stopSequences ?? options?.stop);
  if (stop !== undefined) attributes[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = stop;
  const format = body?.response_format as { type?: unknown } | undefined;
  if (request.outputSchema !== undefined || format?.type === 'json_object' || format?.type === 'json_schema')
    attributes[ATTR_GEN_AI_OUTPUT_TYPE] = 'json';
  return attributes;
}
