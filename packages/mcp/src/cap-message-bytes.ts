/**
 * The largest message rig-ts takes from an MCP server over HTTP: a JSON answer, or one event of an event stream
 * (10 MiB, the limit the MCP SDK itself puts on a message over stdio).
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

function tooLarge(maxBytes: number): Error {
  return new Error(`the MCP server sent a message of more than ${maxBytes} bytes (the most rig-ts reads)`);
}

/**
 * Fails a body once it has passed `maxBytes`: the whole body, or with `events` the bytes of each event of an event
 * stream (what stands between two blank lines; a line ends at CR, LF or CRLF).
 */
function limitBody(maxBytes: number, events: boolean): TransformStream<Uint8Array, Uint8Array> {
  let size = 0;
  // Event streams: whether the line being read is empty so far, and whether the last byte was a CR (a CRLF is one end).
  let lineEmpty = true;
  let afterCR = false;
  return new TransformStream({
    transform(chunk, controller) {
      if (!events) {
        size += chunk.byteLength;
        if (size > maxBytes) throw tooLarge(maxBytes);
        controller.enqueue(chunk);
        return;
      }
      let eventStart = 0;
      for (let index = 0; index < chunk.byteLength; index++) {
        const byte = chunk[index];
        if (byte === LF && afterCR) {
          afterCR = false;
          continue;
        }
        afterCR = byte === CR;
        if (byte !== LF && byte !== CR) lineEmpty = false;
        else if (lineEmpty) {
          // A blank line ends the event: the next one starts after it.
          if (size + index + 1 - eventStart > maxBytes) throw tooLarge(maxBytes);
          size = 0;
          eventStart = index + 1;
        } else lineEmpty = true;
      }
      size += chunk.byteLength - eventStart;
      if (size > maxBytes) throw tooLarge(maxBytes);
      controller.enqueue(chunk);
    },
  });
}

/**
 * `fetch` whose answers fail once a message passes `maxBytes` (see {@link MAX_MESSAGE_BYTES}), so that a server
 * cannot fill this process's memory with one answer or one event; the body it was reading is cancelled.
 */
export function capMessageBytes(
  fetch: () => typeof globalThis.fetch,
  maxBytes = MAX_MESSAGE_BYTES,
): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch()(input, init);
    if (response.body === null) return response;
    const events = (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
    const capped = new Response(response.body.pipeThrough(limitBody(maxBytes, events)), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // The SDK resolves redirects and endpoints against the answer's URL.
    Object.defineProperties(capped, {
      url: { value: response.url },
      redirected: { value: response.redirected },
    });
    return capped;
  };
}
