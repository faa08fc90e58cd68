import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Unpacking the packaged Chromium (about 200 MB) and starting it take seconds on a busy machine.
    testTimeout: 120_000,
  },
});
