import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of OpenRouter, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.openrouter`: the Chat Completions options, plus OpenRouter's own (add them here, and map each to
 * its body field in `OPENROUTER_DEFAULTS.optionFields`).
 */
export interface OpenrouterOptions extends OpenAIChatOptions {}
