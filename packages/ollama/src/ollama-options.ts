/** Runtime model parameters (Ollama's `options`; https://docs.ollama.com/modelfile#valid-parameters-and-values). */
export interface OllamaModelOptions {
  seed?: number;
  temperature?: number;
  top_k?: number;
  top_p?: number;
  min_p?: number;
  stop?: string | string[];
  num_ctx?: number;
  num_predict?: number;
  repeat_penalty?: number;
  repeat_last_n?: number;
  [option: string]: unknown;
}

/**
 * Ollama options, given to `client.completionModel(id, options)` or per request under `providerOptions.ollama`
 * (the request's values win, `options` merged key by key). Every field is optional and sent only when set.
 */
export interface OllamaOptions {
  /** `think`: thinking on or off, or a level (`low`, `medium`, `high`, `max`; GPT-OSS takes only levels). The trace comes back as reasoning. */
  think?: boolean | 'low' | 'medium' | 'high' | 'max';
  /** `keep_alive`: how long the model stays loaded after the call (`'5m'`, `0` to unload). */
  keepAlive?: string | number;
  /** `format`: `'json'`, or a JSON Schema. A request's output schema wins over it. */
  format?: 'json' | { [keyword: string]: unknown };
  /** `options`: model parameters. The request's `temperature` and `maxTokens` (`num_predict`) win over the same keys here. */
  options?: OllamaModelOptions;
  /** `logprobs`: return log probabilities of the output tokens (in `rawResponse`). */
  logprobs?: boolean;
  /** `top_logprobs`: how many alternatives per token when `logprobs` is on. */
  topLogprobs?: number;
}
