import { StructuredOutputError, type CompletionResponse, type Usage, type ValidationIssue } from '@rig-ts/core';
import { StreamingResponse } from './streaming-response.js';
import { WireStreamSource, type ReadStreamResponseOptions } from './wire-stream-source.js';

/** What checks a typed value on the client: a `TypedSchema` of `@rig-ts/typed` is one. */
export interface TypedValueValidator<T> {
  validate(value: unknown): { success: true; value: T } | { success: false; issues: ValidationIssue[] };
}

/** A value being streamed: every property and nested property may still be missing (`DeepPartial` of `@rig-ts/typed`). */
export type PartialValue<T> = T extends object ? { [Key in keyof T]?: PartialValue<T[Key]> } : T;

/** Options of {@link readTypedStreamResponse}. */
export interface ReadTypedStreamResponseOptions<T> extends ReadStreamResponseOptions {
  /**
   * Checks the value again in the browser (the server checked it already); without one, `value` is the server's value
   * as it came, and no validator is bundled.
   * @default none
   */
  schema?: TypedValueValidator<T>;
}

/**
 * A typed stream: iterate it (once) for the partial values as the JSON streams in, then await `value` for the validated
 * `T`; `response` is the aggregated `CompletionResponse`. What {@link readTypedStreamResponse} returns, and what
 * `streamTyped` of `@rig-ts/typed` returns (its `TypedStream` is this interface).
 */
export interface TypedStreamReader<T> extends AsyncIterable<PartialValue<T>> {
  /**
   * The validated value. Awaiting it without iterating consumes the stream. Rejects with a `StructuredOutputError` (no
   * value, or one that does not match the schema), with the reason of a cancellation, or as the stream fails.
   */
  readonly value: Promise<T>;
  /** The aggregated completion response (resolves once the stream has ended, even when validation failed). */
  readonly response: Promise<CompletionResponse>;
  /** The provider's request id, when it sent one (a stream read from a server has it once its final item has come). */
  readonly requestId: string | undefined;
  /** The usage once the stream has ended, else `undefined`. */
  usage(): Usage | undefined;
  /**
   * Stops the stream (a stream read from a server, its fetch too); iteration ends, and `value` and `response` reject
   * with `reason` (an `AbortError` `DOMException` by default), as a stream's `final` does.
   */
  cancel(reason?: unknown): void;
}

class TypedWireStream<T> implements TypedStreamReader<T> {
  readonly #stream: StreamingResponse;
  readonly #source: WireStreamSource;
  readonly #schema: TypedValueValidator<T> | undefined;
  #value: Promise<T> | undefined;

  constructor(response: Response, options: ReadTypedStreamResponseOptions<T>) {
    this.#source = new WireStreamSource(response, options, true);
    this.#stream = new StreamingResponse(this.#source);
    this.#schema = options.schema;
  }

  get requestId(): string | undefined {
    return this.#stream.requestId;
  }

  get response(): Promise<CompletionResponse> {
    return this.#stream.final;
  }

  get value(): Promise<T> {
    this.#value ??= this.#stream.final.then(() => this.#check(this.#source.value));
    return this.#value;
  }

  usage(): Usage | undefined {
    return this.#stream.usage();
  }

  cancel(reason?: unknown): void {
    this.#stream.cancel(reason);
  }

  [Symbol.asyncIterator](): AsyncIterator<PartialValue<T>> {
    const items = this.#stream[Symbol.asyncIterator]();
    return {
      next: async () => {
        for (;;) {
          const result = await items.next();
          if (result.done) return result;
          const item = result.value as { type: string; value?: unknown };
          if (item.type === 'partial') return { value: item.value as PartialValue<T>, done: false };
        }
      },
      return: () => items.return!() as Promise<IteratorResult<PartialValue<T>>>,
    };
  }

  #check(value: unknown): T {
    if (value === undefined) {
      throw new StructuredOutputError({
        kind: 'empty',
        message: 'the stream ended without a typed value: the server did not stream a typed stream (streamTyped)',
      });
    }
    if (this.#schema === undefined) return value as T;
    const result = this.#schema.validate(value);
    if (result.success) return result.value;
    const issues = result.issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
    throw new StructuredOutputError({
      kind: 'validation',
      message: `the value does not match the schema: ${issues}`,
      rawText: JSON.stringify(value),
      value,
      errors: result.issues,
    });
  }
}

/**
 * Reads a `Response` in the rig-ts stream wire that carries a typed stream (`toStreamResponse(await streamTyped(…))`
 * on the server): iterate it for the partial values as the JSON streams in (each a whole value as far as it has
 * arrived), then await `value`. Fails as `readStreamResponse` does; a value the server could not validate arrives as
 * its `StructuredOutputError`.
 *
 * @example
 * const recipe = readTypedStreamResponse<Recipe>(await fetch('/api/recipe', { method: 'POST', body }));
 * for await (const partial of recipe) render(partial);
 * const value = await recipe.value;
 */
export function readTypedStreamResponse<T = unknown>(
  response: Response,
  options: ReadTypedStreamResponseOptions<T> = {},
): TypedStreamReader<T> {
  return new TypedWireStream<T>(response, options);
}
