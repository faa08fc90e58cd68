/** A request as a {@link scriptedFetch} received it. */
export interface ScriptedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect | undefined;
  /** `Date.now()` when it was made (fake time under fake timers). */
  at: number;
}

/** A `fetch` that answers the n-th request with `answer`, recording every request. */
export type ScriptedFetch = typeof globalThis.fetch & { requests: ScriptedRequest[] };

/** An in-memory `fetch` for tests where time is the subject (fake timers) or the answer cannot come from a socket. */
export function scriptedFetch(
  answer: (request: ScriptedRequest, index: number) => Response | Promise<Response>,
): ScriptedFetch {
  const requests: ScriptedRequest[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const request: ScriptedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : '',
      signal: init.signal ?? undefined,
      redirect: init.redirect,
      at: Date.now(),
    };
    requests.push(request);
    return answer(request, requests.length - 1);
  }) as ScriptedFetch;
  fetch.requests = requests;
  return fetch;
}

/** A JSON response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: { [name: string]: string } = {},
  statusText = '',
): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A response that never comes: rejects with the signal's reason once the request is aborted. */
export function never(request: ScriptedRequest): Promise<Response> {
  return new Promise((_resolve, reject) =>
    request.signal?.addEventListener('abort', () => reject(request.signal?.reason), { once: true }),
  );
}
