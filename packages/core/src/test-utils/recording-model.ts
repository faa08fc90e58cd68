import type { CallOptions } from '../call-options.js';
import type { CompletionRequest } from '../completion-request.js';
import type { CompletionResponse } from '../completion-response.js';
import { BaseCompletionModel } from '../base-completion-model.js';
import type { StreamingCompletionResponse } from '../streaming-completion-response.js';

/** A model that records what it is asked and answers from a script (tests only). */
export class RecordingModel extends BaseCompletionModel<{ raw: true }, { raw: true }> {
  readonly provider = 'recording';
  readonly requests: { request: CompletionRequest; options: CallOptions | undefined }[] = [];
  answer: (request: CompletionRequest, options?: CallOptions) => Promise<CompletionResponse<{ raw: true }>>;

  constructor(answer?: RecordingModel['answer']) {
    super('recording-1');
    this.answer =
      answer ??
      (async () => ({
        choice: [{ type: 'text', text: 'ok' }],
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
        finishReason: 'stop',
        rawResponse: { raw: true },
      }));
  }

  completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<{ raw: true }>> {
    this.requests.push({ request, options });
    return this.answer(request, options);
  }

  stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<{ raw: true }>> {
    this.requests.push({ request, options });
    return Promise.resolve({ streamed: request } as unknown as StreamingCompletionResponse<{ raw: true }>);
  }
}
