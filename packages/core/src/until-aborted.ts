/**
 * Awaits `value` unless `signal` aborts first, then rejects with the signal's reason: a caller's callback that never
 * settles (a hook, a progress handler) cannot hold a call past its signal. Without a signal, `value` as it is.
 */
export function untilAborted<T>(value: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return Promise.resolve(value);
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value).then(
      (settled) => {
        signal.removeEventListener('abort', onAbort);
        resolve(settled);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
