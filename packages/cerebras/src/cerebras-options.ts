import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Cerebras, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.cerebras`: the Chat Completions options, plus Cerebras's own (add them here, and map each to
 * its body field in `CEREBRAS_DEFAULTS.optionFields`).
 */
export interface CerebrasOptions extends OpenAIChatOptions {}
