import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Together AI, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.together`: the Chat Completions options, plus Together AI's own (add them here, and map each to
 * its body field in `TOGETHER_DEFAULTS.optionFields`).
 */
export interface TogetherOptions extends OpenAIChatOptions {}
