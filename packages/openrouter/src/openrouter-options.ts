import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of OpenRouter, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.openrouter`: the Chat Completions options, plus OpenRouter's own. Nested objects are sent as
 * written, so their keys follow OpenRouter's API (`max_tokens`, `allow_fallbacks`…).
 */
export interface OpenRouterOptions extends OpenAIChatOptions {
  /** Reasoning across upstream models: `{ enabled: true }`, `{ effort: 'high' }` or `{ max_tokens: 2000 }`; `exclude` hides it from the answer. */
  reasoning?: {
    enabled?: boolean;
    effort?: 'minimal' | 'low' | 'medium' | 'high';
    max_tokens?: number;
    exclude?: boolean;
  };
  /** Provider routing: order, fallbacks, required parameters, data collection, allow and deny lists, sorting. */
  provider?: {
    order?: string[];
    allow_fallbacks?: boolean;
    require_parameters?: boolean;
    data_collection?: 'allow' | 'deny';
    only?: string[];
    ignore?: string[];
    sort?: 'price' | 'throughput' | 'latency';
  };
  /** Fallback models, tried in order when the first one fails. */
  models?: string[];
  /** Prompt transforms, e.g. `['middle-out']`. */
  transforms?: string[];
  /** Ask for usage accounting (cost) in the answer. */
  usage?: { include: boolean };
}
