import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The first request-body test parses OpenAI's 3 MB OpenAPI spec, which takes several seconds on a busy machine.
    testTimeout: 30_000,
  },
});
