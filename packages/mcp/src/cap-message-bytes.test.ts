import { describe, expect, it } from 'vitest';
import { capMessageBytes, MAX_MESSAGE_BYTES } from './cap-message-bytes.js';

const encoder = new TextEncoder();

/** A fetch answering with `chunks` as the body (each its own read), and whether the body was cancelled. */
function answering(chunks: readonly string[], contentType: string) {
  const state = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const response = new Response(body, { status: 200, statusText: 'OK', headers: { 'content-type': contentType } });
  const fetch = capMessageBytes(() => async () => response, 16);
  return { state, fetch };
}

async function read(fetch: typeof globalThis.fetch): Promise<string> {
  return (await fetch('http://127.0.0.1:9/mcp')).text();
}

const TOO_LARGE = 'the MCP server sent a message of more than 16 bytes (the most rig-ts reads)';

describe('capMessageBytes', () => {
  it('is 10 MiB by default, the MCP SDK limit over stdio', () => {
    expect(MAX_MESSAGE_BYTES).toBe(10_485_760);
  });

  it('passes a JSON answer of exactly the limit, and fails one a byte over it, cancelling the body', async () => {
    expect(await read(answering(['{"a":"1234', '5678"}'], 'application/json').fetch)).toBe('{"a":"12345678"}');
    const over = answering(['{"a":"1234', '56789"}', ...Array<string>(100).fill('never read')], 'application/json');
    await expect(read(over.fetch)).rejects.toThrow(TOO_LARGE);
    expect(over.state.cancelled).toBe(true);
    // The pipe may have read one chunk ahead; the rest stays unread.
    expect(over.state.pulled).toBeLessThanOrEqual(3);
  });

  it('counts each event of an event stream on its own: many small events pass', async () => {
    const events = Array.from({ length: 50 }, (_, index) => `data: event ${index}\n\n`);
    expect(await read(answering(events, 'text/event-stream; charset=utf-8').fetch)).toBe(events.join(''));
  });

  it('fails an event longer than the limit, though split over chunks', async () => {
    const over = answering(['data: 0123', '456789', 'abcdef\n\n', 'data: never read\n\n'], 'Text/Event-Stream');
    await expect(read(over.fetch)).rejects.toThrow(TOO_LARGE);
    expect(over.state.cancelled).toBe(true);
  });

  it('ends an event at a blank line of any line ending (LF, CRLF, CR), also across chunks', async () => {
    for (const end of ['\n\n', '\r\n\r\n', '\r\r', '\r\n\n']) {
      const chunks = [`data: 12345${end.slice(0, 1)}`, `${end.slice(1)}data: 67890${end}`, `data: abcde${end}`];
      expect(await read(answering(chunks, 'text/event-stream').fetch)).toBe(chunks.join(''));
    }
  });

  it('does not take a CRLF for a blank line', async () => {
    // Lines of 8 bytes with CRLF endings: one event of 30 bytes, over the limit.
    const over = answering(['data: 1\r\ndata: 2\r\n', 'data: 3\r\n\r\n'], 'text/event-stream');
    await expect(read(over.fetch)).rejects.toThrow(TOO_LARGE);
  });

  it('fails an event over the limit that ends within the chunk holding the next one', async () => {
    const over = answering(['data: 0123456789abcdef\n\ndata: x\n\n'], 'text/event-stream');
    await expect(read(over.fetch)).rejects.toThrow(TOO_LARGE);
  });

  it('keeps the status, headers, URL and redirect flag of the answer; a body-less answer is returned as it is', async () => {
    const original = new Response('{}', { status: 201, statusText: 'Made', headers: { 'mcp-session-id': 's1' } });
    Object.defineProperties(original, { url: { value: 'http://127.0.0.1:9/mcp/' }, redirected: { value: true } });
    const capped = await capMessageBytes(() => async () => original)('http://127.0.0.1:9/mcp');
    expect(capped).not.toBe(original);
    expect({
      status: capped.status,
      statusText: capped.statusText,
      session: capped.headers.get('mcp-session-id'),
      url: capped.url,
      redirected: capped.redirected,
    }).toEqual({ status: 201, statusText: 'Made', session: 's1', url: 'http://127.0.0.1:9/mcp/', redirected: true });
    const accepted = new Response(null, { status: 202 });
    expect(await capMessageBytes(() => async () => accepted)('http://127.0.0.1:9/mcp')).toBe(accepted);
  });

  it('asks for the fetch at each request', async () => {
    const seen: string[] = [];
    let current: typeof globalThis.fetch = async () => (seen.push('first'), new Response(null, { status: 202 }));
    const fetch = capMessageBytes(() => current);
    await fetch('http://127.0.0.1:9/mcp');
    current = async () => (seen.push('second'), new Response(null, { status: 202 }));
    await fetch('http://127.0.0.1:9/mcp');
    expect(seen).toEqual(['first', 'second']);
  });
});
