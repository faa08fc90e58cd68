import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The tests start real MCP servers (node child processes, some twice for protocol 'auto') and wait for what they
    // log; on a loaded machine a start-up alone takes seconds, so no bound here is about speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
