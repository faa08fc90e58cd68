import { Message, type CompletionModel, type PromptInput } from '@rig-ts/core';
import { toStructuredOutputError } from './to-structured-output-error.js';
import { applyRequestOptions, splitTypedOptions, type TypedRequestOptions } from './typed-prompt-options.js';
import type { TypedSchema } from './typed-schema.js';
import { TypedStreamResponse, type TypedStream } from './typed-stream.js';

/**
 * Streams a value of `schema` from `model` (native structured output, as {@link promptTyped}): iterate the result for
 * partial values as the JSON streams in, then await `value` for the validated `T`. Parsing is incremental (each
 * streamed character is read once). There are no repair turns.
 *
 * @example
 * const stream = await streamTyped(model, Recipe, 'A lasagna recipe');
 * for await (const partial of stream) render(partial.steps ?? []);
 * const recipe = await stream.value;
 * @throws {StructuredOutputError} kind `completion` when the provider refuses the request; later failures come from
 * the iteration and from `value`.
 */
export async function streamTyped<T>(
  model: CompletionModel,
  schema: TypedSchema<T>,
  prompt: PromptInput,
  options: TypedRequestOptions = {},
): Promise<TypedStream<T>> {
  const { request, call } = splitTypedOptions(options);
  const builder = model
    .completionRequest(typeof prompt === 'string' ? Message.user(prompt) : prompt)
    .messages(request.history ?? [])
    .outputSchema(schema);
  // The caller's configureRequest runs outside the try: what it throws is not a model failure.
  applyRequestOptions(builder, request);
  try {
    const stream = await builder.stream(call);
    return new TypedStreamResponse(stream, schema, call.signal);
  } catch (error) {
    throw toStructuredOutputError(error, call.signal);
  }
}
