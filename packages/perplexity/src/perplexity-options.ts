import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Perplexity, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.perplexity`: the Chat Completions options, plus Perplexity's own (add them here, and map each to
 * its body field in `PERPLEXITY_DEFAULTS.optionFields`).
 */
export interface PerplexityOptions extends OpenAIChatOptions {}
