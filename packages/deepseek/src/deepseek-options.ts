import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of DeepSeek, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.deepseek`: the Chat Completions options, plus DeepSeek's own.
 */
export interface DeepSeekOptions extends OpenAIChatOptions {
  /** Thinking mode on models that have both modes (`{ type: 'enabled' }`); `deepseek-reasoner` always thinks. */
  thinking?: { type: 'enabled' | 'disabled' };
}
