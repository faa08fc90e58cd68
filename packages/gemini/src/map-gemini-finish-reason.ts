import type { FinishReason } from '@rig-ts/core';

// https://ai.google.dev/api/generate-content#FinishReason
const FINISH_REASONS: { [reason: string]: FinishReason } = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
};

/** Gemini's `finishReason` → {@link FinishReason}; tool-protocol failures (`MALFORMED_FUNCTION_CALL`…) and unknown values → `other`. */
export function mapGeminiFinishReason(reason: string | undefined): FinishReason {
  return (reason !== undefined && FINISH_REASONS[reason]) || 'other';
}
