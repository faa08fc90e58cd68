// Wire shapes of OpenAI's Batch and Files APIs (`/v1/batches`, `/v1/files`), only as far as rig-ts reads or writes them.

/** `Batch.status`. */
export type OpenAIBatchStatus =
  'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** The Batch object (`POST /v1/batches`, `GET /v1/batches/{id}`, `POST /v1/batches/{id}/cancel`). */
export interface OpenAIBatch {
  id: string;
  object: 'batch';
  endpoint: string;
  input_file_id: string;
  completion_window: string;
  status: OpenAIBatchStatus;
  created_at: number;
  output_file_id?: string | null;
  error_file_id?: string | null;
  errors?: {
    object?: 'list';
    data?: { code?: string | null; message?: string | null; param?: string | null; line?: number | null }[];
  } | null;
  request_counts?: { total: number; completed: number; failed: number } | null;
  metadata?: { [key: string]: string } | null;
  model?: string;
  [field: string]: unknown;
}

/** The File object (`POST /v1/files`). */
export interface OpenAIFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  [field: string]: unknown;
}

/** One line of a batch input file. */
export interface OpenAIBatchInputLine {
  custom_id: string;
  method: 'POST';
  url: '/v1/responses' | '/v1/chat/completions';
  body: unknown;
}

/** One line of a batch output or error file. */
export interface OpenAIBatchOutputLine {
  id?: string;
  custom_id: string;
  response: { status_code: number; request_id?: string; body: unknown } | null;
  /** Set for requests that failed with a non-HTTP error (`batch_expired`). */
  error: { code?: string | null; message?: string | null } | null;
}
