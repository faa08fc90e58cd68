import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The matrix's cells mostly wait (Retry-After, backoff, timeouts): run many at once.
    maxConcurrency: 24,
    // Two files at a time: the huge-body cells (CPU-bound, one at a time) beside the rest.
    maxWorkers: 2,
    // The property-based tests run a fixed, seeded number of cases: CPU-bound work whose duration follows the
    // machine's load (CI tests every package at once on 2 cores; one took 5.2 s there against vitest's default 5 s).
    // Time is not what they check; a hang still fails, after a minute. Matrix cells keep their own 30 s limit.
    testTimeout: 60_000,
    // The soak measures the heap after a full garbage collection.
    execArgv: ['--expose-gc'],
  },
});
