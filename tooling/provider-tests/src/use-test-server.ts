import { afterEach } from 'vitest';

/** The servers of the running test, as {@link useTestServer} gives them. */
export interface TestServers<Args extends unknown[], Server> {
  /** Starts a server for the running test; it is closed after the test. */
  start(...args: Args): Promise<Server>;
  /** The server the running test started last; throws before it started one. */
  readonly server: Server;
}

/**
 * Registers, in the calling `describe` (or file), that every server a test starts through `start` (which calls
 * `startServer`) is closed after that test.
 */
export function useTestServer<Args extends unknown[], Server extends { close(): Promise<void> }>(
  startServer: (...args: Args) => Promise<Server>,
): TestServers<Args, Server> {
  const started: Server[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return {
    async start(...args) {
      const server = await startServer(...args);
      started.push(server);
      return server;
    },
    get server() {
      const server = started.at(-1);
      if (server === undefined) throw new Error('no server: call start() first');
      return server;
    },
  };
}
