import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallOptions } from '../call-options.js';
import { CompletionError } from '../errors/completion-error.js';
import { BATCH_WAIT_DEFAULTS, createBatchJob } from './batch-job.js';
import type { BatchProvider, BatchSnapshot } from './batch-provider.js';
import type { BatchResult } from './batch-result.js';
import type { BatchStatus } from './batch-status.js';

function snapshot(status: BatchStatus, total = 2, succeeded = 0, failed = 0, error?: CompletionError): BatchSnapshot {
  return {
    status,
    rawStatus: `raw-${status}`,
    counts: { total, succeeded, failed },
    raw: { status },
    ...(error ? { error } : {}),
  };
}

const response = (text: string) => ({
  choice: [{ type: 'text' as const, text }] as const,
  usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
  finishReason: 'stop' as const,
  rawResponse: {},
});

/** A provider whose retrieve() answers the given snapshots in turn (the last one repeats), recording each call. */
function provider(snapshots: BatchSnapshot[], results: BatchResult[] = []) {
  const calls: { method: string; id: string; options: CallOptions; at: number }[] = [];
  let index = 0;
  const implementation: BatchProvider = {
    name: 'TestAI',
    async retrieve(id, options) {
      calls.push({ method: 'retrieve', id, options, at: Date.now() });
      options.signal?.throwIfAborted();
      return snapshots[Math.min(index++, snapshots.length - 1)]!;
    },
    async cancel(id, options) {
      calls.push({ method: 'cancel', id, options, at: Date.now() });
      return snapshot('cancelling');
    },
    async *results(id, _snapshot, options) {
      calls.push({ method: 'results', id, options, at: Date.now() });
      yield* results;
    },
  };
  return { implementation, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('BatchJob.wait', () => {
  it('polls once per interval, reports each poll, and resolves with the job in its end state', async () => {
    const { implementation, calls } = provider([
      snapshot('in-progress'),
      snapshot('finalizing'),
      snapshot('completed', 2, 1, 1),
    ]);
    const job = createBatchJob(implementation, 'batch_1', snapshot('validating'));
    const seen: string[] = [];
    const waiting = job.wait({
      pollIntervalMs: 1000,
      onProgress: (current) => void seen.push(`${current.status}@${Date.now()}`),
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(2001);
    expect(await waiting).toBe(job);
    expect(seen).toEqual(['in-progress@1000', 'finalizing@2000', 'completed@3000']);
    expect(calls.map((call) => [call.method, call.id, call.at])).toEqual([
      ['retrieve', 'batch_1', 1000],
      ['retrieve', 'batch_1', 2000],
      ['retrieve', 'batch_1', 3000],
    ]);
    expect(job.toJSON()).toEqual({
      provider: 'TestAI',
      id: 'batch_1',
      status: 'completed',
      rawStatus: 'raw-completed',
      counts: { total: 2, succeeded: 1, failed: 1 },
    });
    expect([job.ended, job.raw, job.error, job.warnings]).toEqual([true, { status: 'completed' }, undefined, []]);
  });

  it.each(['failed', 'expired', 'cancelled'] as const)('resolves on %s too', async (end) => {
    const { implementation } = provider([snapshot(end)]);
    const job = createBatchJob(implementation, 'batch_1', snapshot('in-progress'));
    const waiting = job.wait({ pollIntervalMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect((await waiting).status).toBe(end);
  });

  it('polls every 30 s by default, and not at all for a job that has ended', async () => {
    const { implementation, calls } = provider([snapshot('completed')]);
    const job = createBatchJob(implementation, 'batch_1', snapshot('in-progress'));
    const waiting = job.wait();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(BATCH_WAIT_DEFAULTS).toEqual({ pollIntervalMs: 30_000, minPollIntervalMs: 100 });
    await job.wait({ pollIntervalMs: 100 });
    expect(calls).toHaveLength(1);
  });

  it.each([
    0,
    -1,
    99,
    2 ** 31,
    1e12,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1000' as unknown as number,
    null as unknown as number,
  ])('refuses pollIntervalMs %s before polling (never a busy poll)', async (pollIntervalMs) => {
    const { implementation, calls } = provider([snapshot('completed')]);
    const error = await createBatchJob(implementation, 'b', snapshot('in-progress'))
      .wait({ pollIntervalMs })
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'request',
      path: 'pollIntervalMs',
      message: `pollIntervalMs must be a finite number of milliseconds, from 100 to 2147483647 (got ${String(pollIntervalMs)})`,
    });
    expect(calls).toHaveLength(0);
  });

  it("rejects with the signal's reason when it aborts while sleeping, during a poll, or before starting, and passes it to each poll", async () => {
    const { implementation, calls } = provider([snapshot('in-progress')]);
    const job = createBatchJob(implementation, 'b', snapshot('in-progress'));
    const controller = new AbortController();
    const sleeping = job.wait({ pollIntervalMs: 1000, signal: controller.signal }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls[0]?.options.signal).toBe(controller.signal);
    controller.abort('stop now');
    expect(await sleeping).toBe('stop now');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(await job.wait({ signal: controller.signal }).catch((caught: unknown) => caught)).toBe('stop now');
  });

  it('rejects with the poll error once the transport has given up, and stops polling', async () => {
    const failure = new CompletionError({ kind: 'http', status: 500, message: 'TestAI returned HTTP 500' });
    let polls = 0;
    const failing: BatchProvider = {
      ...provider([]).implementation,
      retrieve: async () => {
        polls++;
        throw failure;
      },
    };
    const waiting = createBatchJob(failing, 'b', snapshot('in-progress'))
      .wait({ pollIntervalMs: 100 })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await waiting).toBe(failure);
    expect(polls).toBe(1);
  });

  it('rejects with what onProgress throws or rejects with, and polls no more', async () => {
    for (const onProgress of [
      () => {
        throw new Error('dashboard down');
      },
      () => Promise.reject(new Error('dashboard down')),
    ]) {
      const { implementation, calls } = provider([snapshot('in-progress')]);
      const waiting = createBatchJob(implementation, 'b', snapshot('in-progress'))
        .wait({ pollIntervalMs: 100, onProgress })
        .catch((caught: unknown) => caught);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await waiting).toEqual(new Error('dashboard down'));
      expect(calls).toHaveLength(1);
    }
  });

  it('awaits an async onProgress before the next poll, and an onProgress that never settles cannot outlive the signal', async () => {
    const { implementation, calls } = provider([snapshot('in-progress'), snapshot('completed')]);
    let release: () => void = () => undefined;
    const job = createBatchJob(implementation, 'b', snapshot('in-progress'));
    const waiting = job.wait({
      pollIntervalMs: 100,
      onProgress: () => new Promise<void>((resolve) => (release = resolve)),
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    release();
    expect((await waiting).status).toBe('completed');

    const stuck = provider([snapshot('in-progress')]);
    const controller = new AbortController();
    const hanging = createBatchJob(stuck.implementation, 'b', snapshot('in-progress'))
      .wait({ pollIntervalMs: 100, signal: controller.signal, onProgress: () => new Promise<void>(() => undefined) })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort('gave up');
    expect(await hanging).toBe('gave up');
    expect(stuck.calls).toHaveLength(1);
  });

  it('keeps an end state when an older poll answers late', async () => {
    let resolveSlow: (value: BatchSnapshot) => void = () => undefined;
    let call = 0;
    const racing: BatchProvider = {
      ...provider([]).implementation,
      retrieve: () =>
        ++call === 1 ? new Promise((resolve) => (resolveSlow = resolve)) : Promise.resolve(snapshot('completed')),
    };
    const job = createBatchJob(racing, 'b', snapshot('in-progress'));
    const slow = job.refresh();
    await job.refresh();
    resolveSlow(snapshot('in-progress'));
    await slow;
    expect(job.status).toBe('completed');
  });
});

describe('BatchJob.results and cancel', () => {
  const results: BatchResult[] = [
    { ok: true, id: 'q1', response: response('one') },
    {
      ok: false,
      id: 'q2',
      error: new CompletionError({ kind: 'provider', message: 'TestAI reported invalid_request_error: bad' }),
    },
  ];

  async function collect(job: { results(options?: CallOptions): AsyncIterable<BatchResult> }, options?: CallOptions) {
    const seen: BatchResult[] = [];
    try {
      for await (const result of job.results(options)) seen.push(result);
      return { seen, error: undefined };
    } catch (error) {
      return { seen, error };
    }
  }

  it('streams the results of an ended batch with no total timeout unless asked, passing the caller options', async () => {
    const { implementation, calls } = provider([], results);
    const job = createBatchJob(implementation, 'b', snapshot('completed', 2, 1, 1));
    expect(await collect(job)).toEqual({ seen: results, error: undefined });
    const signal = new AbortController().signal;
    await collect(job, { signal, timeoutMs: 5000 });
    expect(calls.map((call) => call.options)).toEqual([{ timeoutMs: 0 }, { timeoutMs: 5000, signal }]);
  });

  it('lets the download go once a completed batch has given every result, not waiting for its end', async () => {
    const held = { released: false };
    const holding: BatchProvider = {
      ...provider([], results).implementation,
      async *results() {
        try {
          yield* results;
          // A server holding the connection open after the last line: the body never ends.
          await new Promise(() => undefined);
        } finally {
          held.released = true;
        }
      },
    };
    expect(await collect(createBatchJob(holding, 'b', snapshot('completed', 2, 1, 1)))).toEqual({
      seen: results,
      error: undefined,
    });
    expect(held.released).toBe(true);
  });

  it('reads an ended but not completed batch to the end of its results (it may have fewer than its requests)', async () => {
    const { implementation } = provider([], results.slice(0, 1));
    expect(await collect(createBatchJob(implementation, 'b', snapshot('cancelled', 2, 1, 0)))).toEqual({
      seen: results.slice(0, 1),
      error: undefined,
    });
  });

  it('refuses to read results before the end, with a request error, without calling the provider', async () => {
    const { implementation, calls } = provider([], results);
    const { error } = await collect(createBatchJob(implementation, 'b', snapshot('in-progress')));
    expect(error).toMatchObject({
      kind: 'request',
      message: 'TestAI batch b is in-progress: its results can be read once it has ended (await job.wait())',
    });
    expect(calls).toHaveLength(0);
  });

  it("rejects with a failed batch's error, or a provider error when it gave none", async () => {
    const reason = new CompletionError({
      kind: 'provider',
      message: 'TestAI batch b failed: line 3: model is required',
    });
    const { implementation } = provider([], results);
    expect((await collect(createBatchJob(implementation, 'b', snapshot('failed', 2, 0, 0, reason)))).error).toBe(
      reason,
    );
    expect((await collect(createBatchJob(implementation, 'b', snapshot('failed')))).error).toMatchObject({
      kind: 'provider',
      message: 'TestAI batch b failed; the provider gave no reason',
    });
  });

  it('fails after the last result when a completed batch gives fewer results than requests (a cut results file)', async () => {
    const { implementation } = provider([], results);
    const { seen, error } = await collect(createBatchJob(implementation, 'b', snapshot('completed', 3, 2, 1)));
    expect(seen).toEqual(results);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      isRetryable: true,
      message: 'TestAI batch b gave 2 results for its 3 requests: the results ended early',
    });
    expect((await collect(createBatchJob(implementation, 'b', snapshot('expired', 3)))).error).toBeUndefined();
    expect((await collect(createBatchJob(implementation, 'b', snapshot('cancelled', 3)))).error).toBeUndefined();
  });

  it('cancels a running batch and updates it; does nothing once the batch has ended', async () => {
    const { implementation, calls } = provider([]);
    const job = createBatchJob(implementation, 'b', snapshot('in-progress'));
    expect((await job.cancel()).status).toBe('cancelling');
    const ended = createBatchJob(implementation, 'b', snapshot('completed'));
    expect(await ended.cancel()).toBe(ended);
    expect(calls.map((call) => call.method)).toEqual(['cancel']);
  });
});
