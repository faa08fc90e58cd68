/**
 * Why the model stopped, normalized across providers. The provider's own value is kept beside it
 * (`rawFinishReason`).
 */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'other';
