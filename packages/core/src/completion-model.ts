import type { CallOptions } from './call-options.js';
import type { CompletionRequest } from './completion-request.js';
import type { CompletionRequestBuilder } from './completion-request-builder.js';
import type { CompletionResponse } from './completion-response.js';
import type { Message } from './message.js';
import type { StreamingCompletionResponse } from './streaming-completion-response.js';

/** What a prompt may be: text, or a whole message. */
export type PromptInput = string | Message;

/** The provider interface: every provider's model implements it. */
export interface CompletionModel<Raw = unknown, StreamRaw = unknown> {
  /** The provider's name, e.g. `openai`. */
  readonly provider: string;
  /** The model id sent to the provider. */
  readonly modelId: string;
  /** One completion call. */
  completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<Raw>>;
  /** One streamed completion call; resolves once the provider has accepted the request. */
  stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<StreamRaw>>;
  /** A request builder for this model, starting from `prompt`. */
  completionRequest(prompt: PromptInput): CompletionRequestBuilder<Raw, StreamRaw>;
}
