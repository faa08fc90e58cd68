import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Cerebras, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.cerebras`: the Chat Completions options (Cerebras's service tiers `auto`, `default`, `flex` and
 * `priority` are `serviceTier`'s values; `reasoningEffort` applies to its gpt-oss models).
 */
export interface CerebrasOptions extends OpenAIChatOptions {}
