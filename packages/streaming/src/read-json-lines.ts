import { CompletionError } from '@rig-ts/core';
import { MAX_WIRE_MESSAGE } from '@rig-ts/core/internal';
import { NdjsonDecoder } from './ndjson-decoder.js';
import type { StreamTransport } from './stream-transport.js';

/** Options of {@link readJsonLines}. */
export interface ReadJsonLinesOptions {
  /** What the body is, for error messages. @default 'the JSON-lines body' */
  what?: string;
  /** Longest line, in characters; a longer one fails the read (a body that never sends a newline cannot exhaust memory). @default 67108864 */
  maxLineLength?: number;
}

const STREAM_DECODE: TextDecodeOptions = { stream: true };

/** The defaults of {@link readJsonLines}. */
export const READ_JSON_LINES_DEFAULTS = { what: 'the JSON-lines body', maxLineLength: MAX_WIRE_MESSAGE } as const;

function lineError(message: string, line: string | undefined, call: StreamTransport, cause?: unknown): CompletionError {
  const quoted =
    line === undefined ? undefined : call.redact ? call.redact(line.slice(0, 65_536)) : line.slice(0, 65_536);
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message:
      quoted === undefined ? message : `${message}: ${quoted.length > 200 ? `${quoted.slice(0, 200)}…` : quoted}`,
    ...(quoted === undefined ? {} : { body: quoted }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Reads a JSON-lines (NDJSON) body as it arrives and yields each line's parsed value, one network chunk at a time:
 * memory holds one chunk's lines, never the whole body, however long it is. Blank lines are skipped; a last line
 * without a newline is read. A line that is not JSON or is longer than `maxLineLength` fails with a `response`
 * CompletionError; no bytes for the transport's `idleTimeoutMs` fail with a retryable `http` one; what reading throws
 * (a network failure, the caller's abort) goes through the transport's `mapError`. Stopping early (`break`, `return`)
 * or failing aborts the request and releases the connection.
 */
export async function* readJsonLines(
  call: StreamTransport,
  options: ReadJsonLinesOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const what = options.what ?? READ_JSON_LINES_DEFAULTS.what;
  const maxLineLength = options.maxLineLength ?? READ_JSON_LINES_DEFAULTS.maxLineLength;
  const reader = call.body.getReader();
  const textDecoder = new TextDecoder();
  const lines: string[] = [];
  const decoder = new NdjsonDecoder((line) => lines.push(line));
  const idleTimeoutMs = call.idleTimeoutMs ?? 0;
  let idleError: CompletionError | undefined;
  let unfinished = 0;
  let done = false;
  let completed = false;
  let failure: unknown;
  try {
    for (;;) {
      for (let index = 0; index < lines.length; index++) {
        const line = lines[index]!;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          throw lineError(`${what} has a line that is not valid JSON`, line, call, error);
        }
        yield value;
      }
      lines.length = 0;
      if (done) break;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const read =
        idleTimeoutMs > 0
          ? Promise.race([
              reader.read(),
              new Promise<never>((_resolve, reject) => {
                timer = setTimeout(() => {
                  idleError = new CompletionError({
                    kind: 'http',
                    message: `${what}: no data from the provider for ${idleTimeoutMs} ms (idleTimeoutMs)`,
                    isRetryable: true,
                  });
                  reject(idleError);
                }, idleTimeoutMs);
              }),
            ])
          : reader.read();
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await read;
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
      if (result.done) {
        decoder.push(textDecoder.decode());
        decoder.end();
        done = true;
        continue;
      }
      const text = textDecoder.decode(result.value, STREAM_DECODE);
      const newline = text.lastIndexOf('\n');
      unfinished = newline === -1 ? unfinished + text.length : text.length - newline - 1;
      if (unfinished > maxLineLength)
        throw lineError(`${what} has a line longer than ${maxLineLength} characters (maxLineLength)`, undefined, call);
      decoder.push(text);
    }
    completed = true;
  } catch (error) {
    failure = error === idleError ? error : call.mapError(error);
    throw failure;
  } finally {
    if (!completed) {
      const reason = failure ?? new DOMException('The JSON-lines body was not read to its end', 'AbortError');
      call.abort(reason);
      reader.cancel(reason).catch(() => undefined);
    }
    call.settle();
  }
}
