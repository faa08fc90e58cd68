import type { FinishReason } from '@rig-ts/core';

/**
 * Ollama's `done_reason` → {@link FinishReason}: `stop` and `length` map across, anything else (`load`, `unload`…)
 * is `other`. A finished answer without a `done_reason` (older servers) is `stop`.
 */
export function mapOllamaFinishReason(reason: string | undefined): FinishReason {
  return reason === undefined || reason === 'stop' ? 'stop' : reason === 'length' ? 'length' : 'other';
}
