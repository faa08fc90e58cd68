import { startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { useTestServer } from './use-test-server.js';

/** A model under test answered by a loopback server, as {@link useLoopbackModel} gives it. */
export interface LoopbackModel<Model> {
  /** Starts a loopback server whose n-th request `handler` answers, and makes the model that sends to it. */
  serve(handler: Handler): Promise<Model>;
  /** The server of the latest {@link LoopbackModel.serve} (its requests and socket counts); throws before one. */
  readonly server: LoopbackServer;
}

/**
 * Registers, in the calling `describe` (or file), a loopback server per test that is closed after it, and returns
 * `serve` to start it with a handler and make the model from its URL.
 */
export function useLoopbackModel<Model>(makeModel: (url: string) => Model): LoopbackModel<Model> {
  const servers = useTestServer(startLoopbackServer);
  return {
    async serve(handler) {
      return makeModel((await servers.start(handler)).url);
    },
    get server() {
      return servers.server;
    },
  };
}
