import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './read-json-body.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { useLoopbackServers } from './test-utils/use-loopback-servers.js';

const MiB = 2 ** 20;

/** A response whose body is `chunks` (each its own read), and whether the rest of it was cancelled. */
function chunked(chunks: readonly Uint8Array[]) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body), state };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readJsonBody', () => {
  it('is 64 MiB by default, above the 50 MB answers the fault matrix reads whole', () => {
    expect(MAX_JSON_BODY_BYTES).toBe(67_108_864);
  });

  it('reads a body of exactly the limit; one byte more is cancelled and gives undefined', async () => {
    expect(await readJsonBody(chunked([bytes('{"a":'), bytes('12}')]).response, 8)).toBe('{"a":12}');
    const over = chunked([bytes('{"a":'), bytes('123}'), ...Array<Uint8Array>(100).fill(bytes('never read'))]);
    expect(await readJsonBody(over.response, 8)).toBeUndefined();
    expect(over.state.cancelled).toBe(true);
    expect(over.state.pulled).toBeLessThanOrEqual(3);
  });

  it('decodes as `text()` does: a character split over chunks, a byte-order mark, bytes that are not UTF-8', async () => {
    const euro = bytes('{"price":"€5"}');
    const split = [euro.subarray(0, 11), euro.subarray(11, 12), euro.subarray(12)];
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{}')]);
    const invalid = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    for (const chunks of [split, [withMark], [invalid], []]) {
      const expected = await new Response(new Blob(chunks.map((chunk) => new Uint8Array(chunk)))).text();
      expect(await readJsonBody(chunked(chunks).response, MAX_JSON_BODY_BYTES)).toBe(expected);
    }
    expect(await readJsonBody(new Response(null), 8)).toBe('');
  });

  it('rejects with the error that broke the body off', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"a":'));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(readJsonBody(new Response(broken), 100)).rejects.toThrow(new TypeError('terminated'));
  });
});

// Each test moves 50–100 MiB through one core (gzip, decode, parse): the bound only catches a hang on a loaded machine.
describe('a JSON answer over 64 MiB', { timeout: 60_000 }, () => {
  const serve = useLoopbackServers();
  const transport = (baseURL: string) =>
    new HttpTransport({ provider: 'acme', baseURL, apiKey: 'sk-acme-0123456789abcdef', maxRetries: 2 });
  const tooLarge = (url: string) => ({
    name: 'CompletionError.Response',
    kind: 'response',
    reason: 'unexpected',
    isRetryable: false,
    message: `acme answered POST ${url}/v1/chat with a body over 67108864 bytes (not read further)`,
  });

  /** Writes 1 MiB pieces of a JSON string until the client stops reading (or 200 MiB); counts what was written. */
  function endless(response: ServerResponse) {
    const sent = { bytes: 0, closed: false };
    const piece = Buffer.alloc(MiB, 'x');
    response.on('close', () => (sent.closed = true));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"text":"');
    const pump = () => {
      while (!sent.closed && sent.bytes < 200 * MiB) {
        sent.bytes += piece.length;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      if (!sent.closed) response.end('"}');
    };
    pump();
    return sent;
  }

  it('fails once the answer passes the limit, unretried, and the rest is not read', async () => {
    let sent: { bytes: number; closed: boolean } | undefined;
    const loopback = await serve((_request, response) => void (sent = endless(response)));
    const error = await completionFailure(transport(loopback.url).postJson('/v1/chat', { q: 1 }));
    expect(error).toMatchObject(tooLarge(loopback.url));
    expect(loopback.requests).toHaveLength(1);
    await expect.poll(() => sent?.closed).toBe(true);
    expect(sent!.bytes).toBeLessThan(100 * MiB);
  });

  it('fails the same when a small compressed body inflates past it', async () => {
    const inflated = `{"text":"${'0'.repeat(100 * MiB)}"}`;
    const compressed = gzipSync(inflated);
    expect(compressed.length).toBeLessThan(MiB);
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(compressed);
    });
    const error = await completionFailure(transport(loopback.url).postJson('/v1/chat', { q: 1 }));
    expect(error).toMatchObject(tooLarge(loopback.url));
  });

  it('a 50 MB answer is still read whole', async () => {
    const text = 'y'.repeat(50_000_000);
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"text":"${text}"}`);
    });
    const { body } = await transport(loopback.url).postJson<{ text: string }>('/v1/chat', { q: 1 });
    expect(body.text.length).toBe(50_000_000);
  });
});
