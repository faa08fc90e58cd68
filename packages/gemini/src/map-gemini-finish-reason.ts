import type { FinishReason } from '@rig-ts/core';

/**
 * Gemini's `finishReason` → {@link FinishReason} (https://ai.google.dev/api/generate-content#FinishReason): safety and
 * recitation stops are `content-filter`; tool-protocol failures (`MALFORMED_FUNCTION_CALL`…) and unknown values `other`.
 */
export function mapGeminiFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'STOP':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return 'content-filter';
    default:
      return 'other';
  }
}
