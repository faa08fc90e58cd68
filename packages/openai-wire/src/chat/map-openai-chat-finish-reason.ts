import type { FinishReason } from '@rig-ts/core';

/** Chat Completions `finish_reason` → `FinishReason` (Mistral's `model_length` and legacy `function_call` included). */
export function mapOpenAIChatFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'eos':
      return 'stop';
    case 'length':
    case 'max_tokens':
    case 'model_length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}
