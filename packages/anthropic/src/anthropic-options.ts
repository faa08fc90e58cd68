/** A prompt-cache breakpoint. */
export interface AnthropicCacheControl {
  type: 'ephemeral';
  /** How long the cached prefix lives. @default '5m' */
  ttl?: '5m' | '1h';
}

/** Extended thinking: a token budget, adaptive (the model decides), or off. */
export type AnthropicThinking = { type: 'enabled'; budgetTokens: number } | { type: 'adaptive' } | { type: 'disabled' };

/**
 * Typed Anthropic options, given per model (`client.completionModel(id, options)`) or per request
 * (`providerOptions: { anthropic: options }`, which wins field by field).
 */
export interface AnthropicOptions {
  /**
   * `max_tokens`, which the API requires, when the request sets no `maxTokens`.
   * @default the model's output limit (see the README table), 4096 for unknown models
   */
  maxTokens?: number;
  /** Extended thinking (`thinking`). `temperature` is dropped with a warning while thinking is enabled. */
  thinking?: AnthropicThinking;
  /** How much effort the model spends (`output_config.effort`). */
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max';
  /** Automatic prompt caching: a `cache_control` breakpoint on the whole request. */
  cacheControl?: AnthropicCacheControl;
  /** A `cache_control` breakpoint on the system prompt (the preamble). */
  systemCacheControl?: AnthropicCacheControl;
  /** At most one tool call per turn (`tool_choice.disable_parallel_tool_use`). @default false */
  disableParallelToolUse?: boolean;
  /**
   * How `outputSchema` is honoured: the API's JSON-schema output (`output_config.format`), a forced `json` tool whose
   * input becomes the answer text, or `auto` (native where the model supports it, else the tool).
   * @default 'auto'
   */
  structuredOutputMode?: 'auto' | 'native' | 'tool';
  /** `stop_sequences`. */
  stopSequences?: string[];
  /** `top_p`. */
  topP?: number;
  /** `top_k`. */
  topK?: number;
  /** An opaque id of the end user (`metadata.user_id`). */
  userId?: string;
  /** `service_tier`. */
  serviceTier?: 'auto' | 'standard_only';
}

/**
 * Options on one content block or tool definition, under `providerOptions.anthropic`: a cache breakpoint, and for
 * documents a title, a context and citations.
 */
export interface AnthropicContentOptions {
  /** A `cache_control` breakpoint after this block (or tool). */
  cacheControl?: AnthropicCacheControl;
  /** Documents: let the model cite passages (`citations.enabled`). @default false */
  citations?: boolean;
  /** Documents: a title shown to the model. @default the content's `filename` */
  title?: string;
  /** Documents: context about the document, not cited. */
  context?: string;
}
