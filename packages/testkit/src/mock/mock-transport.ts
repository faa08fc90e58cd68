import type { StreamTransport } from '@rig-ts/streaming/internal';

/** A body piece: bytes to send, or a failure of the connection. */
export type MockFrame = string | { error: unknown };

/**
 * An in-memory stream transport: sends one frame per read, `delayMs` apart, and fails or aborts like a connection
 * would (an abort errors the body with the signal's reason).
 */
export function createMockTransport(
  pieces: readonly MockFrame[],
  delayMs: number,
  signal: AbortSignal | undefined,
): StreamTransport {
  const encoder = new TextEncoder();
  // Without pauses, consecutive frames travel in one chunk, as a fast connection delivers them.
  const frames = delayMs > 0 ? pieces : mergeFrames(pieces);
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

function mergeFrames(frames: readonly MockFrame[]): MockFrame[] {
  const merged: MockFrame[] = [];
  let text: string[] = [];
  for (const frame of frames) {
    if (typeof frame === 'string') text.push(frame);
    else {
      if (text.length > 0) merged.push(text.join(''));
      text = [];
      merged.push(frame);
    }
  }
  if (text.length > 0) merged.push(text.join(''));
  return merged;
}
