import type { CallOptions } from './call-options.js';
import type { PromptInput } from './completion-model.js';
import type { CompletionRequestBuilder } from './completion-request-builder.js';
import type { Message } from './message.js';
import type { StreamingCompletionResponse } from './streaming-completion-response.js';

/** One-shot prompting: the answer's text. Failures reject with a `PromptError`; an aborted call with its signal's reason (`isCancelled`). */
export interface Prompt<Options extends CallOptions = CallOptions> {
  prompt(prompt: PromptInput, options?: Options): Promise<string>;
}

/** Prompting with a conversation history (not modified). Failures reject with a `PromptError`; an aborted call with its signal's reason. */
export interface Chat<Options extends CallOptions = CallOptions> {
  chat(prompt: PromptInput, history: readonly Message[], options?: Options): Promise<string>;
}

/** Streaming one-shot prompting. */
export interface StreamingPrompt<StreamRaw = unknown, Options extends CallOptions = CallOptions> {
  streamPrompt(prompt: PromptInput, options?: Options): Promise<StreamingCompletionResponse<StreamRaw>>;
}

/** Streaming prompting with a conversation history. */
export interface StreamingChat<StreamRaw = unknown, Options extends CallOptions = CallOptions> {
  streamChat(
    prompt: PromptInput,
    history: readonly Message[],
    options?: Options,
  ): Promise<StreamingCompletionResponse<StreamRaw>>;
}

/** Low-level control: a request builder pre-filled by the implementer (an Agent), which the caller may override. */
export interface Completion<Raw = unknown, StreamRaw = unknown> {
  completion(prompt: PromptInput, history: readonly Message[]): Promise<CompletionRequestBuilder<Raw, StreamRaw>>;
}

/** Low-level streaming control: a pre-filled request builder whose `.stream()` streams. */
export interface StreamingCompletion<Raw = unknown, StreamRaw = unknown> {
  streamCompletion(prompt: PromptInput, history: readonly Message[]): Promise<CompletionRequestBuilder<Raw, StreamRaw>>;
}
