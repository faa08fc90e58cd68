// Wire shapes of the Gemini Batch API (`models/{model}:batchGenerateContent`, `batches/{id}`) and the resumable Files
// upload, only as far as rig-ts reads or writes them.
import type { GeminiRequest, GeminiResponse } from '../gemini-api-types.js';

/** `google.rpc.Status`: an error of the whole batch or of one request. `code` is a gRPC code (1 = CANCELLED). */
export interface GeminiStatus {
  code?: number;
  message?: string;
  status?: string;
  details?: unknown[];
}

/** `BatchStats`: int64 counts, sent as strings. */
export interface GeminiBatchStats {
  requestCount?: string;
  successfulRequestCount?: string;
  failedRequestCount?: string;
  pendingRequestCount?: string;
}

/** One inline request of a batch. */
export interface GeminiInlinedRequest {
  request: GeminiRequest;
  metadata?: { [key: string]: unknown };
}

/** One inline response, in input order; `metadata` echoes the request's when Gemini sends it back. */
export interface GeminiInlinedResponse {
  metadata?: { [key: string]: unknown };
  response?: GeminiResponse;
  error?: GeminiStatus;
}

/** `GenerateContentBatchOutput`: exactly one of its fields. */
export interface GeminiBatchOutput {
  responsesFile?: string;
  inlinedResponses?: { inlinedResponses?: GeminiInlinedResponse[] };
}

/** `GenerateContentBatch`. `state` is a REST `BATCH_STATE_*` value (SDK-made data may hold `JOB_STATE_*`). */
export interface GeminiGenerateContentBatch {
  model?: string;
  name?: string;
  displayName?: string;
  inputConfig?: { fileName?: string; requests?: { requests?: GeminiInlinedRequest[] } };
  output?: GeminiBatchOutput;
  createTime?: string;
  endTime?: string;
  updateTime?: string;
  batchStats?: GeminiBatchStats;
  state?: string;
  priority?: string;
  [field: string]: unknown;
}

/** The long-running Operation a batch is read as (`GET batches/{id}`, and what the create answers). */
export interface GeminiBatchOperation {
  name: string;
  metadata?: GeminiGenerateContentBatch;
  done?: boolean;
  response?: GeminiBatchOutput & { '@type'?: string };
  error?: GeminiStatus;
}

/** One line of a results file. */
export interface GeminiBatchFileLine {
  key?: string;
  response?: GeminiResponse;
  error?: GeminiStatus;
}
