import { sendJson, type Handler } from '@rig-ts/fixtures/loopback';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { useLoopbackServers } from './test-utils/use-loopback-servers.js';

// Node's fetch cuts a call after 300 s without headers and 300 s of a silent body. These tests shorten those limits to
// 300 ms (an undici Agent, undici being what Node's fetch runs on) instead of waiting minutes. undici checks these
// limits on a coarse clock (a cut comes up to a second late), hence answers 2 s late.
const NODE_LIMIT_MS = 300;
const SLOWER_THAN_THE_LIMIT_MS = 2_000;

const serve = useLoopbackServers();

const later = (ms: number, action: () => void) => setTimeout(action, ms);

/** Answers the headers late, then the JSON body in two halves, the second late too. */
const slowJson: Handler = (_request, response) => {
  later(SLOWER_THAN_THE_LIMIT_MS, () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"slow":');
    later(SLOWER_THAN_THE_LIMIT_MS, () => response.end('true}'));
  });
};

describe("Node's own fetch limits follow the call's timeouts", () => {
  let original: Dispatcher;
  beforeEach(() => {
    original = getGlobalDispatcher();
    setGlobalDispatcher(new Agent({ headersTimeout: NODE_LIMIT_MS, bodyTimeout: NODE_LIMIT_MS }));
  });
  afterEach(() => setGlobalDispatcher(original));

  it('the limits are real: a plain fetch is cut', async () => {
    const loopback = await serve(slowJson);
    const error = await fetch(`${loopback.url}/x`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as Error & { cause: { code: string } }).cause.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('a call whose headers and body are slower than those limits, but within timeoutMs, gets its answer in one request', async () => {
    const loopback = await serve(slowJson);
    const transport = new HttpTransport({
      provider: 'TestAI',
      baseURL: loopback.url,
      apiKey: 'sk-test',
      timeoutMs: 10_000,
    });
    expect((await transport.postJson('/x', {})).body).toEqual({ slow: true });
    expect(loopback.requests).toHaveLength(1);
  });

  it('a stream silent for longer than those limits, but within idleTimeoutMs, is read to its end', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
      later(SLOWER_THAN_THE_LIMIT_MS, () => response.end('data: 2\n\n'));
    });
    const call = await new HttpTransport({
      provider: 'TestAI',
      baseURL: loopback.url,
      apiKey: 'sk-test',
      idleTimeoutMs: 5_000,
    }).postStream('/x', {});
    expect(await new Response(call.body).text()).toBe('data: 1\n\ndata: 2\n\n');
    call.settle();
  });
});

describe('a time limit of an injected fetch is never retried: the provider may already have the request', () => {
  const agents: Agent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.close()));
  });
  /** A transport that would retry twice, sending through `fetch`. */
  const retryingTransport = (url: string, fetch: typeof globalThis.fetch) =>
    new HttpTransport({ provider: 'TestAI', baseURL: url, apiKey: 'sk-test', maxRetries: 2, fetch });
  /** A fetch through an undici Agent with `options`, counting its calls. */
  function cappedFetch(options: Agent.Options): typeof globalThis.fetch & { calls: number } {
    const agent = new Agent(options);
    agents.push(agent);
    const capped = Object.assign(
      (input: RequestInfo | URL, init?: RequestInit) => (
        capped.calls++,
        fetch(input, { ...init, dispatcher: agent } as RequestInit)
      ),
      { calls: 0 },
    );
    return capped;
  }

  it('no headers within headersTimeout (UND_ERR_HEADERS_TIMEOUT): one request, an error that says so', async () => {
    const loopback = await serve(slowJson);
    const capped = cappedFetch({ headersTimeout: NODE_LIMIT_MS });
    const transport = retryingTransport(loopback.url, capped);
    const error = await completionFailure(transport.postJson('/x', {}));
    // The call has failed: any retry would have been a second call of its fetch before that.
    expect(capped.calls).toBe(1);
    expect(loopback.requests).toHaveLength(1);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      isRetryable: true,
      attempts: 1,
      request: `POST ${loopback.url}/x`,
    });
    expect(error.message).toBe(
      `network error calling TestAI at POST ${loopback.url}/x: fetch failed: Headers Timeout Error (UND_ERR_HEADERS_TIMEOUT, a time limit of fetch itself: not retried, as the provider may already have the request)`,
    );
    expect((error.cause as { cause: { code: string } }).cause.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('a body silent for bodyTimeout (UND_ERR_BODY_TIMEOUT): one request, an error that says so', async () => {
    const loopback = await serve(slowJson);
    const capped = cappedFetch({ headersTimeout: 5_000, bodyTimeout: NODE_LIMIT_MS });
    const transport = retryingTransport(loopback.url, capped);
    const error = await completionFailure(transport.postJson('/x', {}));
    expect(capped.calls).toBe(1);
    expect(loopback.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'http', isRetryable: true, attempts: 1 });
    expect(error.message).toBe(
      `network error calling TestAI at POST ${loopback.url}/x: terminated: Body Timeout Error (UND_ERR_BODY_TIMEOUT, a time limit of fetch itself: not retried, as the provider may already have the request)`,
    );
  });

  it('a timeout signal of an injected fetch (TimeoutError) is not retried either', async () => {
    const loopback = await serve(slowJson);
    let calls = 0;
    const transport = retryingTransport(
      loopback.url,
      (input, init) => (calls++, fetch(input, { ...init, signal: AbortSignal.timeout(NODE_LIMIT_MS) })),
    );
    const error = await completionFailure(transport.postJson('/x', {}));
    expect(calls).toBe(1);
    expect(loopback.requests).toHaveLength(1);
    expect(error.message).toBe(
      `network error calling TestAI at POST ${loopback.url}/x: The operation was aborted due to timeout (TimeoutError, a time limit of fetch itself: not retried, as the provider may already have the request)`,
    );
  });
});

describe('the dispatcher handed to fetch', () => {
  it('is only handed to the runtime’s own fetch, never to an injected one', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, {}));
    const inits: RequestInit[] = [];
    const injected: typeof globalThis.fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    await new HttpTransport({ provider: 'TestAI', baseURL: loopback.url, fetch: injected }).postJson('/x', {});
    expect(inits).toHaveLength(1);
    expect('dispatcher' in (inits[0] as object)).toBe(false);
  });
});
