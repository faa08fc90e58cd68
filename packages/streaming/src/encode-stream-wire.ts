import { bytesToBase64, type StreamedAssistantContent, type StreamingCompletionResponse } from '@rig-ts/core';
import { toWireError, type StreamErrorMessage } from './to-wire-error.js';
import { STREAM_WIRE_VERSION, type PartialValueStream, type WireFinal, type WireItem } from './stream-wire.js';

/** Options of `toStreamResponse`, `pipeToNodeResponse` and {@link encodeStreamWire}. */
export interface StreamWireOptions {
  /**
   * Send the provider's wire response (`response.rawResponse`) with the final item. It can hold what the browser
   * should not see (OpenAI Responses echoes the instructions and tools), so it is left out unless asked for.
   * @default false
   */
  sendRawResponse?: boolean;
  /**
   * The message the browser gets for the error that ended the stream; return `undefined` for the default, which names
   * what failed (`the model provider answered HTTP 429`) and never quotes the provider.
   * @default a message per error family and kind
   */
  errorMessage?: StreamErrorMessage;
}

const encoder = new TextEncoder();

/** `bytes` media (a tool result's image) travels as `base64`, as JSON cannot hold bytes. */
function replaceBytes(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'bytes' &&
    (value as { data?: unknown }).data instanceof Uint8Array
  ) {
    return { type: 'base64', data: bytesToBase64((value as { data: Uint8Array }).data) };
  }
  return value;
}

/** One SSE event: `event:` is the item's type, `data:` its JSON on one line (JSON.stringify never writes a raw line end). */
function encodeEvent(item: WireItem): Uint8Array {
  return encoder.encode(`event: ${item.type}\ndata: ${JSON.stringify(item, replaceBytes)}\n\n`);
}

function isPartialValueStream(stream: StreamingCompletionResponse | PartialValueStream): stream is PartialValueStream {
  return !('textStream' in stream) && 'value' in stream && 'response' in stream;
}

function withoutRaw<Item extends WireFinal>(item: Item, options: StreamWireOptions): Item {
  if (options.sendRawResponse) return item;
  const { rawResponse: _rawResponse, ...response } = item.response;
  return { ...item, response } as Item;
}

async function* wireItems(
  stream: StreamingCompletionResponse | PartialValueStream,
  options: StreamWireOptions,
): AsyncGenerator<WireItem> {
  yield { type: 'start', version: STREAM_WIRE_VERSION };
  try {
    if (isPartialValueStream(stream)) {
      for await (const value of stream) yield { type: 'partial', value };
      const [response, value] = await Promise.all([stream.response, stream.value]);
      const final: WireFinal = {
        type: 'final',
        usage: response.usage,
        finishReason: response.finishReason,
        response,
        value,
      };
      if (response.rawFinishReason !== undefined) final.rawFinishReason = response.rawFinishReason;
      yield withoutRaw(final, options);
      return;
    }
    let final = false;
    for await (const item of stream as AsyncIterable<StreamedAssistantContent>) {
      if (item.type !== 'final') yield item;
      else {
        final = true;
        yield withoutRaw(item, options);
      }
    }
    // Iteration ends quietly when the stream was cancelled on the server: `final` rejects with the reason.
    if (!final) await stream.final;
  } catch (error) {
    yield { type: 'error', error: toWireError(error, options.errorMessage) };
  }
}

/**
 * A stream — a model's or an agent's `StreamingCompletionResponse`, or a typed stream from `streamTyped` — as the bytes
 * of the rig-ts stream wire (server-sent events, see the package README). The stream is read as the body is read (one
 * item per pull, so a slow reader slows the provider call down, not the server's memory); cancelling the body (the
 * browser went away) cancels the stream, which aborts the provider call.
 */
export function encodeStreamWire(
  stream: StreamingCompletionResponse | PartialValueStream,
  options: StreamWireOptions = {},
): ReadableStream<Uint8Array> {
  const items = wireItems(stream, options);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const result = await items.next();
        if (result.done) {
          controller.close();
          return;
        }
        let bytes: Uint8Array;
        try {
          bytes = encodeEvent(result.value);
        } catch (error) {
          // An item JSON cannot hold (a cycle, a BigInt in a tool result): the stream ends with an error event.
          stream.cancel(error);
          controller.enqueue(encodeEvent({ type: 'error', error: toWireError(error, options.errorMessage) }));
          controller.close();
          void items.return(undefined);
          return;
        }
        controller.enqueue(bytes);
      },
      cancel(reason) {
        stream.cancel(reason);
        void items.return(undefined);
      },
      // Nothing is read ahead: an item is taken from the stream only when the body's reader asks for bytes.
    },
    { highWaterMark: 0 },
  );
}
