import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // rig-schema runs the TypeScript compiler: seconds on a busy machine.
    testTimeout: 60_000,
  },
});
