/** Where undici (Node's `fetch`, and undici installed from npm) keeps the dispatcher `fetch` uses by default. */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

interface Dispatcher {
  dispatch(options: object, handler: unknown): boolean;
}

/**
 * Node's `fetch` (undici) cuts a request that has had no response headers for 300 s (`headersTimeout`) or whose body
 * has been silent for 300 s (`bodyTimeout`) — below the default `timeoutMs` of 10 minutes. Handed to `fetch` as its
 * `dispatcher`, this forwards each request to the dispatcher `fetch` would have used (the global one, a proxy agent set
 * with `setGlobalDispatcher` included) with those two limits off, so that the call's own `timeoutMs` and
 * `idleTimeoutMs` are its limits. Other runtimes ignore the option.
 */
export const CALL_TIMEOUTS_DISPATCHER: Dispatcher = {
  dispatch(options, handler) {
    // Set by undici when it loads, so always there when undici calls this.
    const target = (globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher })[GLOBAL_DISPATCHER] as Dispatcher;
    return target.dispatch({ ...options, headersTimeout: 0, bodyTimeout: 0 }, handler);
  },
};
