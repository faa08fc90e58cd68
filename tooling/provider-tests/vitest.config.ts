import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Parsing a provider's OpenAPI spec (over 1 MB of YAML) takes seconds on a busy machine.
    testTimeout: 30_000,
  },
});
