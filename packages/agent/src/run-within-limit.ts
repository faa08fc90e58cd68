import { MAX_TIMER_MS } from '@rig-ts/core/internal';

/** How a task run by {@link runWithinLimit} ended: its output, or what it threw (`timedOut` when the limit passed). */
export type LimitedOutcome = { output: unknown } | { thrown: unknown; timedOut: boolean };

/** The bounds of one task: the run's signal, a time limit in ms (`Infinity` for none) and the timeout's message. */
export interface TaskLimits {
  runSignal: AbortSignal;
  timeoutMs: number;
  /** The message of the `TimeoutError` the task's signal aborts with when the limit passes. */
  timeoutMessage: string;
}

/**
 * Runs `task` (a tool's `execute`, a tool source) with a signal of its own that aborts when the run's signal does (with
 * the caller's reason) or when the time limit passes (with a `TimeoutError`). A cancelled run rejects with the signal's
 * reason at once, even if the task never settles; a task past its limit is abandoned (`timedOut`).
 */
export async function runWithinLimit(
  task: (signal: AbortSignal) => unknown,
  limits: TaskLimits,
): Promise<LimitedOutcome> {
  const { runSignal, timeoutMs } = limits;
  runSignal.throwIfAborted();
  const controller = new AbortController();
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_resolve, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const onRunAbort = (): void => {
    controller.abort(runSignal.reason);
    stop(runSignal.reason);
  };
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  let timedOut = false;
  // A limit longer than a timer takes means none (the timer would fire at once).
  const timer =
    timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          const reason = new DOMException(limits.timeoutMessage, 'TimeoutError');
          controller.abort(reason);
          stop(reason);
        }, timeoutMs)
      : undefined;
  try {
    const output: unknown = await Promise.race([new Promise((resolve) => resolve(task(controller.signal))), stopped]);
    return { output };
  } catch (thrown) {
    if (runSignal.aborted) throw runSignal.reason;
    return { thrown, timedOut };
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  }
}
