import { CompletionError } from '@rig-ts/core';
import { startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { HttpTransport } from '@rig-ts/http';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonLines, READ_JSON_LINES_DEFAULTS, type ReadJsonLinesOptions } from './read-json-lines.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(
  handler: Handler,
  callOptions: { signal?: AbortSignal; idleTimeoutMs?: number } = {},
  apiKey = 'k',
) {
  server = await startLoopbackServer(handler);
  const transport = new HttpTransport({ provider: 'TestAI', baseURL: server.url, apiKey });
  return transport.requestStream('GET', '/file', undefined, callOptions, {
    contentTypes: ['application/jsonl', 'application/octet-stream'],
  });
}

function jsonl(response: import('node:http').ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/jsonl' });
}

describe('readJsonLines', () => {
  it('yields each line as it arrives, whatever the chunking: CRLF, blank lines, a last line without a newline, multi-byte characters cut in two', async () => {
    const body = Buffer.from('{"a":1}\r\n\n{"b":"é€😀"}\n  \n{"c":[1,2]}');
    const cuts = [1, 9, 14, 15, 16, 17, 18, 30];
    const call = await open((_request, response) => {
      jsonl(response);
      let start = 0;
      const pieces = [...cuts, body.length].map((end) => {
        const piece = body.subarray(start, end);
        start = end;
        return piece;
      });
      const write = () => {
        const piece = pieces.shift();
        if (piece === undefined) response.end();
        else response.write(piece, () => setTimeout(write, 2));
      };
      write();
    });
    expect(await collectUntilError(readJsonLines(call))).toEqual({
      items: [{ a: 1 }, { b: 'é€😀' }, { c: [1, 2] }],
      error: undefined,
    });
  });

  it('reads a line only when the consumer asks for it: the body is not read ahead', async () => {
    let written = 0;
    const call = await open((_request, response) => {
      jsonl(response);
      response.write('{"n":1}\n');
      written = 1;
    });
    const iterator = readJsonLines(call)[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { n: 1 }, done: false });
    expect(written).toBe(1);
    await iterator.return();
    await expect.poll(() => server!.closedSockets).toBe(1);
  });

  it('fails with a malformed response error quoting the bad line (the key redacted), and closes the connection', async () => {
    const call = await open(
      (_request, response) => {
        jsonl(response);
        response.write('{"ok":true}\n{"key":"sk-secret-0123456789abcdef", oops\n');
      },
      {},
      'sk-secret-0123456789abcdef',
    );
    const { items, error } = await collectUntilError(readJsonLines(call, { what: 'the OpenAI batch output file' }));
    expect(items).toEqual([{ ok: true }]);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      body: '{"key":"[REDACTED]", oops',
      isRetryable: false,
    });
    expect((error as Error).message).toBe(
      'the OpenAI batch output file has a line that is not valid JSON: {"key":"[REDACTED]", oops',
    );
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    await expect.poll(() => server!.closedSockets).toBe(1);
  });

  it('fails on a line longer than maxLineLength without holding more than that', async () => {
    const call = await open((_request, response) => {
      jsonl(response);
      response.write('{"ok":1}\n');
      const piece = 'x'.repeat(4096);
      const write = () => {
        if (!response.destroyed) response.write(piece, () => setTimeout(write, 1));
      };
      write();
    });
    const { items, error } = await collectUntilError(
      readJsonLines(call, { maxLineLength: 10_000 } satisfies ReadJsonLinesOptions),
    );
    expect(items).toEqual([{ ok: 1 }]);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'the JSON-lines body has a line longer than 10000 characters (maxLineLength)',
    });
    await expect.poll(() => server!.closedSockets).toBe(1);
    expect(READ_JSON_LINES_DEFAULTS).toEqual({ what: 'the JSON-lines body', maxLineLength: 67_108_864 });
  });

  it('fails with a retryable idle-timeout error when no byte comes for idleTimeoutMs while the consumer waits', async () => {
    const call = await open(
      (_request, response) => {
        jsonl(response);
        response.write('{"n":1}\n');
      },
      { idleTimeoutMs: 50 },
    );
    const { items, error } = await collectUntilError(readJsonLines(call));
    expect(items).toEqual([{ n: 1 }]);
    expect(error).toMatchObject({
      kind: 'http',
      isRetryable: true,
      message: 'the JSON-lines body: no data from the provider for 50 ms (idleTimeoutMs)',
    });
    await expect.poll(() => server!.closedSockets).toBe(1);
  });

  it("does not count the consumer's own time as idle", async () => {
    const call = await open(
      (_request, response) => {
        jsonl(response);
        response.end('{"n":1}\n{"n":2}\n');
      },
      { idleTimeoutMs: 30 },
    );
    const values: unknown[] = [];
    for await (const value of readJsonLines(call)) {
      values.push(value);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    expect(values).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("ends with the caller's abort reason, and a connection cut mid-line with a network error", async () => {
    const controller = new AbortController();
    const aborted = await open(
      (_request, response) => {
        jsonl(response);
        response.write('{"n":1}\n');
      },
      { signal: controller.signal },
    );
    const values: unknown[] = [];
    const error = await (async () => {
      for await (const value of readJsonLines(aborted)) {
        values.push(value);
        controller.abort('stop');
      }
    })().catch((caught: unknown) => caught);
    expect([values, error]).toEqual([[{ n: 1 }], 'stop']);
    await server!.close();

    const cut = await open((_request, response) => {
      jsonl(response);
      response.write('{"n":1}\n{"n":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const result = await collectUntilError(readJsonLines(cut));
    expect(result.items).toEqual([{ n: 1 }]);
    expect(result.error).toMatchObject({ kind: 'http', isRetryable: true });
    expect((result.error as Error).message).toMatch(
      /^network error calling TestAI at GET http:\/\/127\.0\.0\.1:\d+\/file: terminated/,
    );
  });

  it('settles the call once, on every ending', async () => {
    let settled = 0;
    let aborted: unknown[] = [];
    const body = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    const fake = (text: string) => ({
      body: body(text),
      abort: (reason?: unknown) => aborted.push(reason),
      mapError: (error: unknown) => error,
      settle: () => settled++,
    });
    expect((await collectUntilError(readJsonLines(fake('{"a":1}\n{"a":2}')))).items).toEqual([{ a: 1 }, { a: 2 }]);
    expect([settled, aborted]).toEqual([1, []]);
    for await (const _value of readJsonLines(fake('{"a":1}\n{"a":2}\n'))) break;
    expect(settled).toBe(2);
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({ name: 'AbortError' });
    aborted = [];
    expect((await collectUntilError(readJsonLines(fake('not json\n')))).error).toMatchObject({ kind: 'response' });
    expect([settled, aborted.length]).toEqual([3, 1]);
  });
});
