import { startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { afterEach } from 'vitest';

/**
 * Registers, in the calling `describe` (or file), the closing of every loopback server started during a test once it
 * ends, and returns `serve` to start one answering with `handler`.
 */
export function useLoopbackServers(): (handler: Handler) => Promise<LoopbackServer> {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startLoopbackServer(handler);
    servers.push(server);
    return server;
  };
}
