import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Generating, building and testing a whole package takes tens of seconds on a busy machine.
    testTimeout: 240_000,
  },
});
