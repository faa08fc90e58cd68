import type { CallOptions } from './call-options.js';
import type { CompletionModel, PromptInput } from './completion-model.js';
import type { CompletionRequest } from './completion-request.js';
import { CompletionRequestBuilder } from './completion-request-builder.js';
import type { CompletionResponse } from './completion-response.js';
import { textOf, type Message } from './message.js';
import type { StreamingCompletionResponse } from './streaming-completion-response.js';
import { toPromptError } from './to-prompt-error.js';
import type { Chat, Prompt, StreamingChat, StreamingPrompt } from './traits.js';

/**
 * What every provider model extends: implement `completion` and `stream`, and get `completionRequest`, `prompt`,
 * `chat`, `streamPrompt` and `streamChat`.
 */
export abstract class BaseCompletionModel<Raw = unknown, StreamRaw = unknown>
  implements CompletionModel<Raw, StreamRaw>, Prompt, Chat, StreamingPrompt<StreamRaw>, StreamingChat<StreamRaw>
{
  abstract readonly provider: string;
  readonly modelId: string;

  constructor(modelId: string) {
    this.modelId = modelId;
  }

  abstract completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<Raw>>;

  abstract stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<StreamRaw>>;

  completionRequest(prompt: PromptInput): CompletionRequestBuilder<Raw, StreamRaw> {
    return new CompletionRequestBuilder(this, prompt);
  }

  /** The text of the model's answer to `prompt`. Rejects with a `PromptError` (an aborted call with its signal's reason). */
  prompt(prompt: PromptInput, options?: CallOptions): Promise<string> {
    return this.chat(prompt, [], options);
  }

  /** The text of the model's answer to `prompt` after `history`. Rejects with a `PromptError` (an aborted call with its signal's reason). */
  async chat(prompt: PromptInput, history: readonly Message[], options?: CallOptions): Promise<string> {
    try {
      const response = await this.completionRequest(prompt).messages(history).send(options);
      return textOf(response.choice);
    } catch (error) {
      throw toPromptError(error, options?.signal);
    }
  }

  /** Streams the model's answer to `prompt`. */
  streamPrompt(prompt: PromptInput, options?: CallOptions): Promise<StreamingCompletionResponse<StreamRaw>> {
    return this.completionRequest(prompt).stream(options);
  }

  /** Streams the model's answer to `prompt` after `history`. */
  streamChat(
    prompt: PromptInput,
    history: readonly Message[],
    options?: CallOptions,
  ): Promise<StreamingCompletionResponse<StreamRaw>> {
    return this.completionRequest(prompt).messages(history).stream(options);
  }
}
