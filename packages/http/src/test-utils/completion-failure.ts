import { CompletionError } from '@rig-ts/core';

/** The `CompletionError` a call must fail with; throws when it succeeds or fails with anything else. */
export async function completionFailure(promise: Promise<unknown>): Promise<CompletionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!CompletionError.isInstance(error)) throw new Error(`expected a CompletionError, got ${String(error)}`);
  return error;
}
