import { type Usage } from '@rig-ts/core';
import { expectTokenCount } from '@rig-ts/core/internal';
import type { OllamaResponse } from './ollama-api-types.js';

/** Ollama's counts → {@link Usage}: `prompt_eval_count` input tokens, `eval_count` output tokens (thinking included). */
export function convertOllamaUsage(response: OllamaResponse): Usage {
  const promptTokens = expectTokenCount(response.prompt_eval_count, 'prompt_eval_count') ?? 0;
  const completionTokens = expectTokenCount(response.eval_count, 'eval_count') ?? 0;
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
