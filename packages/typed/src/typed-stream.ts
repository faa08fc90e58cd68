import {
  RigError,
  StructuredOutputError,
  textOf,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type Usage,
} from '@rig-ts/core';
import type { TypedStreamReader } from '@rig-ts/streaming';
import { parseStructuredOutput } from './parse-structured-output.js';
import { PartialJsonParser } from './partial-json-parser.js';
import { toStructuredOutputError } from './to-structured-output-error.js';
import type { DeepPartial, TypedSchema } from './typed-schema.js';

/**
 * A streamed typed answer, with the API of `@rig-ts/streaming`'s `TypedStreamReader`: iterate it (once) for the partial
 * value as the JSON streams in; `value` gives the validated `T` when the stream ends. Each partial is the same object
 * tree, updated in place (copy it with `structuredClone` to keep a snapshot). When the final answer fails, the
 * iteration throws the `StructuredOutputError` after the last partial, and `value` rejects with it.
 */
export type TypedStream<T> = TypedStreamReader<T>;

type State = 'open' | 'done' | 'failed';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/** The {@link TypedStream} implementation over a core `StreamingCompletionResponse`. */
export class TypedStreamResponse<T> implements TypedStream<T> {
  readonly #stream: StreamingCompletionResponse;
  readonly #schema: TypedSchema<T>;
  readonly #signal: AbortSignal | undefined;
  readonly #parser = new PartialJsonParser();
  #consumer: 'none' | 'iterator' | 'drain' = 'none';
  #state: State = 'open';
  #result: T | undefined;
  #error: unknown;
  #errorDelivered = false;
  #response: CompletionResponse | undefined;
  #value: Promise<T> | undefined;
  #responsePromise: Promise<CompletionResponse> | undefined;
  readonly #waiting: (() => void)[] = [];

  constructor(stream: StreamingCompletionResponse, schema: TypedSchema<T>, signal?: AbortSignal) {
    this.#stream = stream;
    this.#schema = schema;
    this.#signal = signal;
  }

  get requestId(): string | undefined {
    return this.#stream.requestId;
  }

  usage(): Usage | undefined {
    return this.#response?.usage;
  }

  get value(): Promise<T> {
    this.#value ??= this.#settled().then(() =>
      this.#state === 'done' ? (this.#result as T) : Promise.reject(this.#error),
    );
    return this.#value;
  }

  get response(): Promise<CompletionResponse> {
    this.#responsePromise ??= this.#settled().then(() => this.#response ?? Promise.reject(this.#error));
    return this.#responsePromise;
  }

  cancel(reason?: unknown): void {
    if (this.#state !== 'open') return;
    const cancelled = reason ?? new DOMException('The stream was cancelled', 'AbortError');
    this.#stream.cancel(cancelled);
    this.#fail(cancelled);
    this.#errorDelivered = true;
  }

  [Symbol.asyncIterator](): AsyncIterator<DeepPartial<T>> {
    if (this.#consumer !== 'none') {
      const error = new RigError({
        message: 'this typed stream is already being consumed: iterate it once, or await `value` alone',
      });
      return { next: () => Promise.reject(error) };
    }
    this.#consumer = 'iterator';
    const source = this.#stream[Symbol.asyncIterator]();
    const parser = this.#parser;
    const next = async (): Promise<IteratorResult<DeepPartial<T>>> => {
      while (this.#state === 'open') {
        let result: IteratorResult<StreamedAssistantContent>;
        try {
          result = await source.next();
        } catch (error) {
          this.#fail(toStructuredOutputError(error, this.#signal));
          break;
        }
        if (result.done) {
          // The source ends without its final item only when it was cancelled.
          if (this.#state === 'open') this.cancel(this.#signal?.reason);
          break;
        }
        const item = result.value;
        if (item.type === 'text') {
          if (parser.push(item.text) && parser.started) return { value: parser.value as DeepPartial<T>, done: false };
        } else if (item.type === 'final') this.#complete(item.response);
      }
      if (this.#state === 'failed' && !this.#errorDelivered) {
        this.#errorDelivered = true;
        throw this.#error;
      }
      return DONE;
    };
    return {
      next,
      return: () => {
        this.cancel();
        return Promise.resolve(DONE);
      },
    };
  }

  /** Resolves once the stream has ended (draining it when nobody iterates). */
  #settled(): Promise<void> {
    if (this.#state !== 'open') return Promise.resolve();
    if (this.#consumer === 'none') {
      this.#consumer = 'drain';
      this.#stream.final.then(
        (response) => this.#complete(response),
        (error: unknown) => this.#fail(toStructuredOutputError(error, this.#signal)),
      );
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #complete(response: CompletionResponse): void {
    if (this.#state !== 'open') return;
    this.#response = response;
    let result: ReturnType<typeof parseStructuredOutput<T>>;
    try {
      result = parseStructuredOutput(this.#schema, textOf(response.choice));
    } catch (error) {
      // A validator that throws fails the stream with its error, as it fails promptTyped; `value` must not hang.
      this.#fail(error);
      return;
    }
    if (result.success) {
      this.#result = result.value;
      this.#settle('done');
    } else this.#fail(result.error);
  }

  #fail(error: unknown): void {
    if (this.#state !== 'open') return;
    this.#error = error;
    this.#settle('failed');
  }

  #settle(state: State): void {
    this.#state = state;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
