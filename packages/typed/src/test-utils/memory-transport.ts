import type { StreamTransport } from '@rig-ts/streaming/internal';

/** A stream transport over in-memory chunks (tests only). */
export interface MemoryTransport extends StreamTransport {
  aborted: unknown[];
  settled: number;
  /** Pushes more bytes (when built with `open: true`). */
  push(chunk: string): void;
  close(): void;
  fail(error: unknown): void;
}

export function memoryTransport(chunks: readonly string[], options: { open?: boolean } = {}): MemoryTransport {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!options.open) controller.close();
    },
  });
  const transport: MemoryTransport = {
    body,
    requestId: 'req_memory',
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
    push: (chunk) => controller.enqueue(encoder.encode(chunk)),
    close: () => controller.close(),
    fail: (error) => controller.error(error),
  };
  return transport;
}
