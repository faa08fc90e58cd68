import { bytesToBase64 } from '@rig-ts/core';
import { emptyCassette, isTextContentType, type Cassette, type CassetteInteraction } from './cassette.js';
import {
  callSignal,
  redactHeaders,
  redactText,
  redactUrl,
  requestCredentials,
  secretList,
} from './redact-interaction.js';

/** Options of {@link recordingFetch}. */
export interface RecordingFetchOptions {
  /** The fetch that really sends. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Values to redact wherever they appear (API keys; `undefined` entries are skipped, so `process.env.X` is fine). */
  secrets?: readonly (string | undefined | null)[];
  /** Append to this cassette. @default a new one */
  cassette?: Cassette;
  /** Called when an interaction is complete (its body fully read, or failed). */
  onRecord?: (interaction: CassetteInteraction) => void;
}

/** A `fetch` that records what it sends and receives. */
export interface RecordingFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The recorded interactions, in the order the requests were made. */
  readonly cassette: Cassette;
}

// One array, so that base64 is encoded once over all the bytes (per chunk, padding would land mid-body).
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

/**
 * Wraps a `fetch` to record real provider traffic into a cassette: each request (method, URL, headers, body) and its
 * response (status, headers, body — server-sent events and NDJSON kept as text). Streams pass through untouched as
 * they arrive; the interaction completes when the body has been read. Credential headers (`authorization`,
 * `x-api-key`, `x-goog-api-key`, `api-key`, cookies), credential query parameters (`key=`…) and every `secrets`
 * value are redacted, and so are the credentials the request carries (12 characters or more) wherever the answer
 * echoes them. Browser-safe; save the cassette with `writeCassette` from `@rig-ts/testkit/cassette-file`.
 *
 * @example
 * const recorder = recordingFetch({ secrets: [process.env.OPENAI_API_KEY] });
 * const client = new openai.Client({ fetch: recorder });
 * await client.completionModel('gpt-4o').prompt('hello');
 * await writeCassette('fixtures/hello.cassette.json', recorder.cassette);
 */
export function recordingFetch(options: RecordingFetchOptions = {}): RecordingFetch {
  const cassette = options.cassette ?? emptyCassette();
  const given = secretList(options.secrets);
  const record = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const secrets = [...given, ...requestCredentials(request.headers, request.url)];
    const body = request.body === null ? null : await request.clone().text();
    const interaction: CassetteInteraction = {
      request: {
        method: request.method,
        url: redactUrl(request.url, secrets),
        headers: redactHeaders(request.headers, secrets),
        body: body === null ? null : redactText(body, secrets),
      },
    };
    cassette.interactions.push(interaction);
    let response: Response;
    try {
      // The caller's signal itself: the request's follows it only through a weak reference, and nothing keeps the
      // request once the headers are in, so after a garbage collection an abort would no longer reach the body.
      const signal = callSignal(input, init);
      response = await (options.fetch ?? globalThis.fetch)(request, signal === undefined ? undefined : { signal });
    } catch (error) {
      interaction.error = redactText(error instanceof Error ? error.message : String(error), secrets);
      options.onRecord?.(interaction);
      throw error;
    }
    const recorded: NonNullable<CassetteInteraction['response']> = {
      status: response.status,
      statusText: response.statusText,
      headers: redactHeaders(response.headers, secrets),
      body: '',
    };
    interaction.response = recorded;
    if (response.body === null) {
      options.onRecord?.(interaction);
      return response;
    }
    const text = isTextContentType(response.headers.get('content-type'));
    const decoder = new TextDecoder();
    const pieces: string[] = [];
    const bytes: Uint8Array[] = [];
    const complete = (truncated: boolean) => {
      if (text) recorded.body = redactText(pieces.join('') + decoder.decode(), secrets);
      else {
        recorded.body = bytesToBase64(concatBytes(bytes));
        recorded.bodyEncoding = 'base64';
      }
      if (truncated) recorded.truncated = true;
      options.onRecord?.(interaction);
    };
    const reader = response.body.getReader();
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          let result: ReadableStreamReadResult<Uint8Array>;
          try {
            result = await reader.read();
          } catch (error) {
            complete(true);
            controller.error(error);
            return;
          }
          if (result.done) {
            complete(false);
            controller.close();
            return;
          }
          if (text) pieces.push(decoder.decode(result.value, { stream: true }));
          else bytes.push(result.value.slice());
          controller.enqueue(result.value);
        },
        cancel(reason) {
          complete(true);
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(stream, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return Object.assign(record, { cassette });
}
