import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The matrix's cells mostly wait (Retry-After, backoff, timeouts): run many at once.
    maxConcurrency: 24,
    // The soak measures the heap after a full garbage collection.
    execArgv: ['--expose-gc'],
  },
});
