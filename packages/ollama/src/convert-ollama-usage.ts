import type { Usage } from '@rig-ts/core';
import type { OllamaResponse } from './ollama-api-types.js';

/** Ollama's counts → {@link Usage}: `prompt_eval_count` input tokens, `eval_count` output tokens (thinking included). */
export function convertOllamaUsage(response: OllamaResponse): Usage {
  const promptTokens = response.prompt_eval_count ?? 0;
  const completionTokens = response.eval_count ?? 0;
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
