import { RigError, base64ToBytes } from '@rig-ts/core';
import type { Cassette, CassetteInteraction } from './cassette.js';
import { callSignal, redactText, redactUrl, requestCredentials, secretList } from './redact-interaction.js';

/** Options of {@link replayingFetch}. */
export interface ReplayingFetchOptions {
  /** The secrets given when recording, so that live requests match their redacted recordings. */
  secrets?: readonly (string | undefined | null)[];
  /**
   * Bytes per body chunk. @default one chunk per event for server-sent events (per line for NDJSON), the whole body
   * otherwise
   */
  chunkSize?: number;
  /** Let an interaction answer more than once (the last matching one is reused). @default false */
  allowRepeats?: boolean;
}

/** A `fetch` answered from a cassette, offline. */
export interface ReplayingFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Interactions not replayed yet. */
  readonly unused: CassetteInteraction[];
  /** Throws when some recorded interaction was never requested. */
  assertAllUsed(): void;
}

function sameBody(recorded: string | null, live: string | null): boolean {
  if (recorded === live) return true;
  if (recorded === null || live === null) return (recorded ?? '') === (live ?? '');
  try {
    return JSON.stringify(sortKeys(JSON.parse(recorded))) === JSON.stringify(sortKeys(JSON.parse(live)));
  } catch {
    return false;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: { [key: string]: unknown } = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as { [key: string]: unknown })[key]);
  return sorted;
}

function summary(body: string | null): string {
  if (body === null || body === '') return 'no body';
  return `body ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
}

function describe(interaction: CassetteInteraction): string {
  return `${interaction.request.method} ${interaction.request.url}`;
}

function pieces(body: string, contentType: string | undefined, chunkSize: number | undefined): string[] {
  if (body === '') return [];
  if (chunkSize !== undefined && chunkSize > 0) {
    const result: string[] = [];
    for (let start = 0; start < body.length; start += chunkSize) result.push(body.slice(start, start + chunkSize));
    return result;
  }
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('event-stream'))
    return body.match(/[\s\S]*?(?:\r\n\r\n|\n\n|\r\r|$)/g)!.filter((piece) => piece !== '');
  if (type.includes('ndjson')) return body.match(/[^\n]*(?:\n|$)/g)!.filter((piece) => piece !== '');
  return [body];
}

function replay(interaction: CassetteInteraction, chunkSize: number | undefined, signal: AbortSignal): Response {
  const recorded = interaction.response!;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] =
    recorded.bodyEncoding === 'base64'
      ? [base64ToBytes(recorded.body)]
      : pieces(recorded.body, recorded.headers['content-type'], chunkSize).map((piece) => encoder.encode(piece));
  let index = 0;
  const nullBody = recorded.status === 204 || recorded.status === 304 || (chunks.length === 0 && !recorded.truncated);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener('abort', () => {
        try {
          controller.error(signal.reason);
        } catch {
          // already closed
        }
      });
    },
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (recorded.truncated)
        controller.error(new TypeError('terminated', { cause: new Error('the recorded body ended early') }));
      else controller.close();
    },
  });
  return new Response(nullBody ? null : body, {
    status: recorded.status,
    statusText: recorded.statusText,
    headers: recorded.headers,
  });
}

/**
 * A `fetch` that answers from a cassette, offline: each request is matched by method, URL and body (JSON compared
 * without regard to key order, after the same redaction as when recording) to the first recorded interaction not
 * used yet, and its response is replayed — a streamed body as a real `ReadableStream`, a recorded network error as
 * a rejected `TypeError`. A request that matches nothing rejects with an error naming its method, URL and body.
 *
 * @example
 * const replay = replayingFetch(await readCassette('fixtures/hello.cassette.json'));
 * const client = new openai.Client({ apiKey: 'unused', fetch: replay });
 * await client.completionModel('gpt-4o').prompt('hello'); // the recorded answer
 * replay.assertAllUsed();
 */
export function replayingFetch(cassette: Cassette, options: ReplayingFetchOptions = {}): ReplayingFetch {
  const given = secretList(options.secrets);
  const used = new Set<CassetteInteraction>();
  const unused = () => cassette.interactions.filter((interaction) => !used.has(interaction));
  const serve = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const secrets = [...given, ...requestCredentials(request.headers, request.url)];
    const body = request.body === null ? null : redactText(await request.text(), secrets);
    const url = redactUrl(request.url, secrets);
    const matches = cassette.interactions.filter(
      (interaction) =>
        interaction.request.method === request.method &&
        interaction.request.url === url &&
        sameBody(interaction.request.body, body),
    );
    const interaction =
      matches.find((candidate) => !used.has(candidate)) ??
      (options.allowRepeats ? matches[matches.length - 1] : undefined);
    if (interaction === undefined) {
      const left = unused();
      const already =
        matches.length > 0
          ? ` It matches ${matches.length} interaction(s) already replayed (pass allowRepeats to reuse them).`
          : '';
      throw new RigError({
        message: `replayingFetch: no recorded interaction matches ${request.method} ${url} (${summary(body)}).${already} The cassette has ${cassette.interactions.length} interaction(s), ${left.length} unused${left.length > 0 ? `: ${left.map(describe).join(', ')}` : ''}.`,
      });
    }
    used.add(interaction);
    // The caller's signal itself (the request's follows it only weakly and may be collected while the body plays).
    const signal = callSignal(input, init) ?? request.signal;
    signal.throwIfAborted();
    if (interaction.response === undefined) throw new TypeError(interaction.error ?? 'fetch failed');
    return replay(interaction, options.chunkSize, signal);
  };
  return Object.defineProperties(serve, {
    unused: { get: unused },
    assertAllUsed: {
      value() {
        const left = unused();
        if (left.length > 0)
          throw new RigError({
            message: `replayingFetch: ${left.length} recorded interaction(s) were never requested: ${left.map(describe).join(', ')}`,
          });
      },
    },
  }) as ReplayingFetch;
}
