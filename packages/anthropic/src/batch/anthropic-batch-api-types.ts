// Wire shapes of Anthropic's Message Batches API (`/v1/messages/batches`), only as far as rig-ts reads or writes them.
import type { AnthropicMessage, AnthropicMessagesRequest } from '../anthropic-api-types.js';

/** `MessageBatch.processing_status`. */
export type AnthropicBatchProcessingStatus = 'in_progress' | 'canceling' | 'ended';

/** The MessageBatch object (create, retrieve, cancel). Timestamps are RFC 3339 strings. */
export interface AnthropicMessageBatch {
  id: string;
  type: 'message_batch';
  processing_status: AnthropicBatchProcessingStatus;
  request_counts: { processing: number; succeeded: number; errored: number; canceled: number; expired: number };
  ended_at: string | null;
  created_at: string;
  expires_at: string;
  archived_at: string | null;
  cancel_initiated_at: string | null;
  results_url: string | null;
  [field: string]: unknown;
}

/** The create body. */
export interface AnthropicBatchCreateRequest {
  requests: { custom_id: string; params: AnthropicMessagesRequest }[];
}

/** One line of the results file. */
export interface AnthropicBatchResultLine {
  custom_id: string;
  result:
    | { type: 'succeeded'; message: AnthropicMessage }
    | {
        type: 'errored';
        error:
          | { type: 'error'; error: { type: string; message: string }; request_id?: string | null }
          | { type: string; message: string };
      }
    | { type: 'canceled' }
    | { type: 'expired' };
}
