import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The matrix's cells mostly wait (Retry-After, backoff, timeouts): run many at once.
    maxConcurrency: 24,
    // Two files at a time: the huge-body cells (CPU-bound, one at a time) beside the rest.
    maxWorkers: 2,
    // The soak measures the heap after a full garbage collection.
    execArgv: ['--expose-gc'],
  },
});
