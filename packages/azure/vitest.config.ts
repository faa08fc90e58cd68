import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Request bodies are checked against OpenAI's 3 MB OpenAPI spec, which takes seconds to parse on a busy machine.
    testTimeout: 30_000,
  },
});
