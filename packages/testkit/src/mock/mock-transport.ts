import type { StreamTransport } from '@rig-ts/streaming';

/** A body piece: bytes to send, or a failure of the connection. */
export type MockFrame = string | { error: unknown };

/**
 * An in-memory stream transport: sends one frame per read, `delayMs` apart, and fails or aborts like a connection
 * would (an abort errors the body with the signal's reason).
 */
export function createMockTransport(frames: readonly MockFrame[], delayMs: number, signal: AbortSignal | undefined): StreamTransport {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let index = 0;
  let aborted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      async pull() {
        if (index > 0 && delayMs > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, delayMs);
          });
          wake = undefined;
          if (aborted) return;
        }
        const frame = frames[index++];
        if (frame === undefined) controller.close();
        else if (typeof frame === 'string') controller.enqueue(encoder.encode(frame));
        else controller.error(frame.error);
      },
      cancel() {
        if (timer !== undefined) clearTimeout(timer);
      },
    },
    { highWaterMark: 0 },
  );
  const onAbort = () => transport.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const transport: StreamTransport = {
    body,
    abort(reason) {
      if (aborted) return;
      aborted = true;
      if (timer !== undefined) clearTimeout(timer);
      wake?.();
      try {
        controller.error(reason);
      } catch {
        // already closed
      }
    },
    mapError: (error) => error,
    settle() {
      signal?.removeEventListener('abort', onAbort);
    },
  };
  return transport;
}
