import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test starts a runtime, Chromium or tsc, on a machine that may be busy with other builds: one file at a
    // time, so the smoke runs' timing checks (the abort must be prompt) do not compete with tsc for the two cores.
    testTimeout: 90_000,
    fileParallelism: false,
  },
});
