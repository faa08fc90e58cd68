import type { PromptInput } from '@rig-ts/core';
import type { TypedStream } from './typed-stream.js';
import type { TypedPromptOptions, TypedRequestOptions } from './typed-prompt-options.js';
import type { TypedSchema } from './typed-schema.js';

/**
 * Structured output: the model's answer as a validated `T` (Rig's `TypedPrompt`). An Agent implements it with
 * {@link promptTyped}. Failures reject with a `StructuredOutputError`.
 */
export interface TypedPrompt {
  promptTyped<T>(schema: TypedSchema<T>, prompt: PromptInput, options?: TypedPromptOptions): Promise<T>;
}

/** Streamed structured output: partial values as the JSON streams in, then the validated `T`. */
export interface StreamingTypedPrompt {
  streamTyped<T>(schema: TypedSchema<T>, prompt: PromptInput, options?: TypedRequestOptions): Promise<TypedStream<T>>;
}
