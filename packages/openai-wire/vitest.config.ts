import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Compiling validators for OpenAI's 3 MB OpenAPI spec takes seconds on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
