import type { CallOptions } from '../call-options.js';
import { CompletionError, invalidRequest } from '../errors/completion-error.js';
import { MAX_TIMER_MS } from '../max-timer-ms.js';
import { untilAborted } from '../until-aborted.js';
import type { Warning } from '../warning.js';
import type { BatchProvider, BatchSnapshot } from './batch-provider.js';
import type { BatchCounts, BatchResult } from './batch-result.js';
import { isBatchEnded, type BatchStatus } from './batch-status.js';

/** Options of {@link BatchJob.wait}. */
export interface BatchWaitOptions<Raw = unknown> {
  /** Pause between two polls, in ms: from 100 to 2^31 − 1 (what a timer takes). @default 30000 */
  pollIntervalMs?: number;
  /** Stops waiting (the batch goes on at the provider): `wait()` rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called after each poll with the job, the last time with the job in its end state. A returned promise is awaited
   * before the next poll. If it throws or rejects, `wait()` stops polling and rejects with that error (the batch goes
   * on at the provider: call `wait()` again, or resume later with `getBatch`).
   */
  onProgress?: (job: BatchJob<Raw>) => void | PromiseLike<void>;
}

/**
 * A batch submitted to a provider's batch engine (`submitBatch`) or found again by id (`getBatch`). The fields are the
 * batch as last read from the provider: `refresh()`, `wait()` and `cancel()` read it again.
 */
export interface BatchJob<Raw = unknown> {
  /** The provider's batch id: all a later `getBatch(client, id)` needs to resume. */
  readonly id: string;
  /** The provider's name (`OpenAI`, `Anthropic`, `Gemini`). */
  readonly provider: string;
  readonly status: BatchStatus;
  /** The provider's own status word, unchanged. */
  readonly rawStatus: string;
  readonly counts: BatchCounts;
  /** The provider's batch object as last read. */
  readonly raw: unknown;
  /** True once the batch is `completed`, `failed`, `expired` or `cancelled`. */
  readonly ended: boolean;
  /** Why the batch `failed`, as the provider said it. */
  readonly error: CompletionError | undefined;
  /** Submit options the provider could not honour (they were not sent). */
  readonly warnings: readonly Warning[];
  /** Reads the batch from the provider once. */
  refresh(options?: CallOptions): Promise<this>;
  /**
   * Polls every `pollIntervalMs` until the batch has ended, and resolves with the job in its end state, whichever it is
   * (`completed`, `failed`, `expired`, `cancelled`). Each poll has the transport's retries; `wait()` rejects only when
   * `signal` aborts, when a poll still fails after those retries, or when `onProgress` throws.
   */
  wait(options?: BatchWaitOptions<Raw>): Promise<this>;
  /**
   * The results of the ended batch, streamed as they download (never held whole), in the provider's order: `id` ties
   * each to its request. Rejects with a `request` error while the batch has not ended, and with the batch's `error`
   * when it `failed`. Results are not limited by the client's `timeoutMs` unless the options give one. Once a
   * `completed` batch has given one result per request, the download is let go without waiting for its end.
   */
  results(options?: CallOptions): AsyncIterable<BatchResult<Raw>>;
  /** Asks the provider to cancel the batch (it then passes through `cancelling`); does nothing once it has ended. */
  cancel(options?: CallOptions): Promise<this>;
  /** `{ provider, id, status, rawStatus, counts }`, for logs. */
  toJSON(): { provider: string; id: string; status: BatchStatus; rawStatus: string; counts: BatchCounts };
}

/** The defaults of {@link BatchJob.wait}. */
export const BATCH_WAIT_DEFAULTS = {
  pollIntervalMs: 30_000,
  /** The shortest `pollIntervalMs` accepted. */
  minPollIntervalMs: 100,
} as const;

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class ProviderBatchJob<Raw> implements BatchJob<Raw> {
  readonly id: string;
  readonly warnings: readonly Warning[];
  readonly #provider: BatchProvider<Raw>;
  #snapshot: BatchSnapshot;

  constructor(provider: BatchProvider<Raw>, id: string, snapshot: BatchSnapshot, warnings: readonly Warning[]) {
    this.#provider = provider;
    this.id = id;
    this.#snapshot = snapshot;
    this.warnings = warnings;
  }

  get provider(): string {
    return this.#provider.name;
  }

  get status(): BatchStatus {
    return this.#snapshot.status;
  }

  get rawStatus(): string {
    return this.#snapshot.rawStatus;
  }

  get counts(): BatchCounts {
    return this.#snapshot.counts;
  }

  get raw(): unknown {
    return this.#snapshot.raw;
  }

  get ended(): boolean {
    return isBatchEnded(this.#snapshot.status);
  }

  get error(): CompletionError | undefined {
    return this.#snapshot.error;
  }

  #update(snapshot: BatchSnapshot): this {
    // A batch never leaves an end state: an older answer arriving late must not bring it back.
    if (!this.ended || isBatchEnded(snapshot.status)) this.#snapshot = snapshot;
    return this;
  }

  async refresh(options: CallOptions = {}): Promise<this> {
    return this.#update(await this.#provider.retrieve(this.id, options));
  }

  async wait(options: BatchWaitOptions<Raw> = {}): Promise<this> {
    const interval = options.pollIntervalMs === undefined ? BATCH_WAIT_DEFAULTS.pollIntervalMs : options.pollIntervalMs;
    // Not above what a timer takes: a longer pause would fire at once, a busy poll.
    if (
      typeof interval !== 'number' ||
      !Number.isFinite(interval) ||
      interval < BATCH_WAIT_DEFAULTS.minPollIntervalMs ||
      interval > MAX_TIMER_MS
    ) {
      throw invalidRequest(
        `pollIntervalMs must be a finite number of milliseconds, from ${BATCH_WAIT_DEFAULTS.minPollIntervalMs} to ${MAX_TIMER_MS} (got ${String(interval)})`,
        'pollIntervalMs',
      );
    }
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    while (!this.ended) {
      await sleep(interval, signal);
      await this.refresh(signal === undefined ? {} : { signal });
      if (onProgress !== undefined) {
        const returned = onProgress(this);
        if (returned !== undefined && typeof (returned as PromiseLike<void>).then === 'function')
          await untilAborted(returned, signal);
      }
    }
    return this;
  }

  results(options: CallOptions = {}): AsyncIterable<BatchResult<Raw>> {
    return { [Symbol.asyncIterator]: () => this.#results(options)[Symbol.asyncIterator]() };
  }

  async *#results(options: CallOptions): AsyncGenerator<BatchResult<Raw>, void, undefined> {
    const snapshot = this.#snapshot;
    const name = this.#provider.name;
    if (!isBatchEnded(snapshot.status)) {
      throw invalidRequest(
        `${name} batch ${this.id} is ${snapshot.status}: its results can be read once it has ended (await job.wait())`,
      );
    }
    if (snapshot.status === 'failed') {
      throw (
        snapshot.error ??
        new CompletionError({
          kind: 'provider',
          message: `${name} batch ${this.id} failed; the provider gave no reason`,
        })
      );
    }
    const total = snapshot.counts.total;
    let count = 0;
    for await (const result of this.#provider.results(this.id, snapshot, { timeoutMs: 0, ...options })) {
      count++;
      yield result;
      // A completed batch has one result per request: once all are in, the download is let go, not read to its end (a
      // server holding the connection open after the last line would hold the loop until the idle timeout).
      if (snapshot.status === 'completed' && count === total) return;
    }
    if (snapshot.status === 'completed' && count < total) {
      throw new CompletionError({
        kind: 'response',
        reason: 'truncated',
        message: `${name} batch ${this.id} gave ${count} results for its ${total} requests: the results ended early`,
        isRetryable: true,
      });
    }
  }

  async cancel(options: CallOptions = {}): Promise<this> {
    if (this.ended) return this;
    return this.#update(await this.#provider.cancel(this.id, options));
  }

  toJSON(): { provider: string; id: string; status: BatchStatus; rawStatus: string; counts: BatchCounts } {
    return {
      provider: this.provider,
      id: this.id,
      status: this.status,
      rawStatus: this.rawStatus,
      counts: this.counts,
    };
  }
}

/**
 * A {@link BatchJob} over a provider's batch endpoints, starting from `snapshot` (what the create or first read
 * answered). Provider batch entry points (`@rig-ts/openai/batch`…) make jobs with it.
 */
export function createBatchJob<Raw>(
  provider: BatchProvider<Raw>,
  id: string,
  snapshot: BatchSnapshot,
  warnings: readonly Warning[] = [],
): BatchJob<Raw> {
  return new ProviderBatchJob(provider, id, snapshot, warnings);
}
