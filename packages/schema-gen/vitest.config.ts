import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each generation builds a TypeScript program (about a second, more on a busy machine).
    testTimeout: 60_000,
  },
});
