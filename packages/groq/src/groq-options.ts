import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Groq, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.groq`: the Chat Completions options, plus Groq's own.
 */
export interface GroqOptions extends Omit<OpenAIChatOptions, 'reasoningEffort' | 'serviceTier'> {
  /** How reasoning models return their reasoning: in the `reasoning` field (`parsed`), inline in `<think>` tags (`raw`), or not at all (`hidden`). */
  reasoningFormat?: 'parsed' | 'raw' | 'hidden';
  /** Return the reasoning of models that take it (gpt-oss); the alternative to `reasoningFormat` on those models. */
  includeReasoning?: boolean;
  /** Reasoning effort: `none` / `default` on Qwen 3, `low` / `medium` / `high` on gpt-oss. */
  reasoningEffort?: 'none' | 'default' | 'low' | 'medium' | 'high';
  /** @default the API's (`on_demand`) */
  serviceTier?: 'on_demand' | 'performance' | 'flex' | 'auto';
}
