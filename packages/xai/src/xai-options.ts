import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of xAI, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.xai`: the Chat Completions options, plus xAI's own (add them here, and map each to
 * its body field in `XAI_DEFAULTS.optionFields`).
 */
export interface XaiOptions extends OpenAIChatOptions {}
