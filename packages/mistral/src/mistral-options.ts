import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Mistral, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.mistral`: the Chat Completions options, plus Mistral's own (add them here, and map each to
 * its body field in `MISTRAL_DEFAULTS.optionFields`).
 */
export interface MistralOptions extends OpenAIChatOptions {}
