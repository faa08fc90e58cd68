const then = Promise.prototype.then;
const ignore = (): void => undefined;

/**
 * The promise behind a stream's `final`: a real promise that tells its stream when it is first awaited (`then`,
 * `catch`, `finally`, `await`, `Promise.all` all go through `then`), so merely reading `final` — destructuring it
 * beside `textStream`, say — starts nothing. It never reports an unhandled rejection: the stream's reader gets the
 * same error. Promises derived from it are plain promises.
 */
export class FinalPromise<T> extends Promise<T> {
  #onFirstAwait: (() => void) | undefined;

  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** A pending `FinalPromise` and the functions that settle it. */
  static pending<T>(onFirstAwait: () => void): {
    promise: FinalPromise<T>;
    resolve: (value: T) => void;
    reject: (reason: unknown) => void;
  } {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new FinalPromise<T>((resolvePromise, rejectPromise) => {
      resolve = resolvePromise;
      reject = rejectPromise;
    });
    promise.#onFirstAwait = onFirstAwait;
    // Marks the rejection handled (an unawaited `final` is no unhandled rejection); the promise this returns never rejects.
    void then.call(promise, undefined, ignore);
    return { promise, resolve, reject };
  }

  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    const onFirstAwait = this.#onFirstAwait;
    if (onFirstAwait !== undefined) {
      this.#onFirstAwait = undefined;
      onFirstAwait();
    }
    return then.call(this, onFulfilled, onRejected) as Promise<Fulfilled | Rejected>;
  }
}
