import type { CallOptions, CompletionRequestBuilder, Message } from '@rig-ts/core';

/** Options of a typed request ({@link streamTyped}), on top of the per-call options. */
export interface TypedRequestOptions extends CallOptions {
  /** The conversation before the prompt; it is not modified. @default [] */
  history?: readonly Message[] | undefined;
  /** System instructions. */
  preamble?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /**
   * Adjusts every request before it is sent — the first one and each repair turn (documents, tools, provider
   * options, additional params). An Agent passes its settings through here.
   */
  configureRequest?: ((builder: CompletionRequestBuilder<unknown, unknown>) => void) | undefined;
}

/** Options of {@link promptTyped} and {@link extract}. */
export interface TypedPromptOptions extends TypedRequestOptions {
  /**
   * Repair turns: after an answer that is not valid JSON or fails validation, the validator's errors are sent back
   * and the model answers again, up to this many times (usage is summed). `0` disables repairs.
   * @default 1
   */
  maxRepairs?: number | undefined;
}

/** The defaults of typed prompting. */
export const TYPED_PROMPT_DEFAULTS = {
  maxRepairs: 1,
} as const;

/** Splits typed options into what shapes the request and the per-call options passed to the model. */
export function splitTypedOptions(options: TypedPromptOptions): {
  request: Omit<TypedPromptOptions, keyof CallOptions>;
  call: CallOptions;
} {
  const { history, preamble, temperature, maxTokens, configureRequest, maxRepairs, ...call } = options;
  return { request: { history, preamble, temperature, maxTokens, configureRequest, maxRepairs }, call };
}

/** Applies the request options to a builder. */
export function applyRequestOptions<Builder extends CompletionRequestBuilder<unknown, unknown>>(
  builder: Builder,
  options: Omit<TypedRequestOptions, keyof CallOptions>,
): Builder {
  if (options.preamble !== undefined) builder.preamble(options.preamble);
  if (options.temperature !== undefined) builder.temperature(options.temperature);
  if (options.maxTokens !== undefined) builder.maxTokens(options.maxTokens);
  options.configureRequest?.(builder);
  return builder;
}
