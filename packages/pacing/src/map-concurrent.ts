import { invalidRequest } from '@rig-ts/core/internal';

/** How far a {@link mapConcurrent} run is. */
export interface MapConcurrentProgress {
  /** Calls finished. */
  done: number;
  /** Calls running now. */
  active: number;
  /** How many items there are, when known (an array's length; unknown for other iterables until the end). */
  total: number | undefined;
}

/** Options of {@link mapConcurrent}. */
export interface MapConcurrentOptions {
  /** The most calls running at once: a whole number of at least 1. @default 8 */
  concurrency?: number;
  /** Stops the run: no call starts after it aborts, and `mapConcurrent` rejects with its reason. */
  signal?: AbortSignal;
  /** Called after each call finishes. If it throws, the run stops and rejects with that error. */
  onProgress?: (progress: MapConcurrentProgress) => void;
}

/** What each call of `fn` gets besides its item. */
export interface MapConcurrentContext {
  /** Aborts when the run stops (another call failed, the caller's signal, `onProgress` threw): pass it on. */
  signal: AbortSignal;
}

/** The defaults of {@link mapConcurrent}. */
export const MAP_CONCURRENT_DEFAULTS = { concurrency: 8 } as const;

/**
 * Calls `fn` for every item, at most `concurrency` at a time, taking items from `items` (an iterable or async
 * iterable, read only as calls free up) and resolves with the results in the order of the items. The first call that
 * throws stops the run: no more calls start, the others' `signal` aborts, and `mapConcurrent` rejects with that error
 * at once (catch inside `fn` to keep going past failures). With `pacedFetch` under the client, thousands of prompts run
 * as fast as the account's rate limits allow.
 *
 * ```ts
 * const labels = await mapConcurrent(reviews, (review, _index, { signal }) => model.prompt(`Classify: ${review}`, { signal }), { concurrency: 32 });
 * ```
 * @throws {CompletionError} of kind `request` for a `concurrency` that is not a whole number of at least 1.
 */
export function mapConcurrent<Item, Result>(
  items: Iterable<Item> | AsyncIterable<Item>,
  fn: (item: Item, index: number, context: MapConcurrentContext) => Result | PromiseLike<Result>,
  options: MapConcurrentOptions = {},
): Promise<Result[]> {
  const concurrency = options.concurrency === undefined ? MAP_CONCURRENT_DEFAULTS.concurrency : options.concurrency;
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) {
    return Promise.reject(
      invalidRequest(`concurrency must be a whole number of at least 1 (got ${String(concurrency)})`, 'concurrency'),
    );
  }
  const { signal, onProgress } = options;
  // One controller per call rather than one shared signal: a signal shared by 64 calls would carry 64 listeners.
  const running = new Set<AbortController>();
  const total = Array.isArray(items) ? items.length : undefined;
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<Item>)[Symbol.asyncIterator]()
      : (items as Iterable<Item>)[Symbol.iterator]();
  const results: Result[] = [];
  return new Promise<Result[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let active = 0;
    let exhausted = false;
    let pulling = false;
    let stopped = false;
    const stop = (reason: unknown): void => {
      if (stopped) return;
      stopped = true;
      signal?.removeEventListener('abort', onAbort);
      for (const controller of running) controller.abort(reason);
      running.clear();
      void Promise.resolve(iterator.return?.()).catch(() => undefined);
      reject(reason);
    };
    const onAbort = (): void => stop(signal!.reason);
    if (signal?.aborted) {
      stop(signal.reason);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const finishIfDone = (): void => {
      if (exhausted && active === 0 && !stopped) {
        stopped = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(results);
      }
    };
    const launch = async (): Promise<void> => {
      if (pulling) return;
      pulling = true;
      try {
        while (!stopped && !exhausted && active < concurrency) {
          const step = await iterator.next();
          if (stopped) return;
          if (step.done) {
            exhausted = true;
            break;
          }
          const index = next++;
          active++;
          const controller = new AbortController();
          running.add(controller);
          Promise.resolve()
            .then(() => fn(step.value, index, { signal: controller.signal }))
            .then(
              (result) => {
                running.delete(controller);
                if (stopped) return;
                results[index] = result;
                active--;
                done++;
                try {
                  onProgress?.({ done, active, total: total ?? (exhausted ? next : undefined) });
                } catch (error) {
                  stop(error);
                  return;
                }
                void launch();
                finishIfDone();
              },
              (error: unknown) => stop(error),
            );
        }
      } catch (error) {
        stop(error);
      } finally {
        pulling = false;
      }
      finishIfDone();
    };
    void launch();
  });
}
