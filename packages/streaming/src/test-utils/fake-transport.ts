import type { StreamTransport } from '../stream-transport.js';

export interface FakeTransport extends StreamTransport {
  aborted: unknown[];
  settled: number;
  /** Pushes more bytes (when built with `open: true`). */
  push(chunk: string | Uint8Array): void;
  close(): void;
  fail(error: unknown): void;
}

/** A transport over in-memory chunks; with `open: true` the test pushes chunks and ends the body itself. */
export function fakeTransport(
  chunks: (string | Uint8Array)[],
  options: { open?: boolean; idleTimeoutMs?: number; requestId?: string } = {},
): FakeTransport {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      if (!options.open) controller.close();
    },
  });
  const transport: FakeTransport = {
    body,
    requestId: options.requestId,
    idleTimeoutMs: options.idleTimeoutMs,
    aborted: [],
    settled: 0,
    abort(reason) {
      transport.aborted.push(reason);
      try {
        controller.error(reason);
      } catch {
        // already closed
      }
    },
    mapError: (error) => error,
    settle() {
      transport.settled++;
    },
    push(chunk) {
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    close() {
      controller.close();
    },
    fail(error) {
      controller.error(error);
    },
  };
  return transport;
}
