import { CompletionError } from '@rig-ts/core';
import {
  describeWireValue,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  withTokenUsage,
} from '@rig-ts/core/internal';
import { parseToolArguments, type StreamAccumulator, type StreamAdapter } from '@rig-ts/streaming/internal';
import type { AnthropicAssistantBlock, AnthropicCitation, AnthropicMessage } from './anthropic-api-types.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import {
  anthropicFinishReason,
  anthropicProviderError,
  type AnthropicRawResponse,
} from './parse-anthropic-response.js';
import { isKnownAnthropicBlock, readAnthropicBlock } from './read-anthropic-block.js';
import { readAnthropicDelta } from './read-anthropic-delta.js';
import { readAnthropicStreamEvent } from './read-anthropic-stream-event.js';

/** What the stream needs from the request. */
export interface AnthropicStreamContext {
  /** The structured-output tool of the request, whose input is the answer text. */
  jsonToolName?: string | undefined;
}

interface BlockState {
  key: string;
  kind: 'text' | 'tool' | 'json' | 'thinking' | 'other' | 'done';
  /** The wire block being rebuilt for the raw message. */
  block: AnthropicAssistantBlock & { [field: string]: unknown };
  chunks: string[];
  citations: AnthropicCitation[] | undefined;
  signature: string | undefined;
}

function malformed(message: string): CompletionError {
  return new CompletionError({ kind: 'response', reason: 'malformed', message: `Anthropic stream: ${message}` });
}

/** A block index: a whole number of at least 0 (anything else is a `TypeError` naming it). */
function blockIndex(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`index is not a whole number of at least 0 (got ${describeWireValue(value)})`);
  return value;
}

/**
 * A stream adapter for one Messages API stream. Input usage comes from `message_start`, output usage from
 * `message_delta` (whose cumulative counts win); `message_stop` is the end event; `ping` is ignored; an `error` event
 * fails the stream with a `provider` error. Content blocks are keyed by their index; the raw response is the message
 * the events add up to (the non-streamed body of the same content). A repeated identical `message_start` is ignored;
 * a second message in one stream is a `response` error.
 */
export function anthropicStreamAdapter(context: AnthropicStreamContext = {}): StreamAdapter<AnthropicRawResponse> {
  const jsonToolName = context.jsonToolName;
  const blocks: BlockState[] = [];
  let message: AnthropicMessage | undefined;
  let jsonToolUsed = false;
  let toolCalled = false;

  function start(
    index: number,
    wire: AnthropicAssistantBlock,
    accumulator: StreamAccumulator<AnthropicRawResponse>,
  ): BlockState {
    const block = { ...wire } as BlockState['block'];
    const state: BlockState = {
      key: String(index),
      kind: 'other',
      block,
      chunks: [],
      citations: undefined,
      signature: undefined,
    };
    blocks[index] = state;
    message!.content[index] = block;
    // Any other block stays `other`: it is kept whole, as an empty text block holding it, when it stops.
    if (!isKnownAnthropicBlock(block)) return state;
    switch (block.type) {
      case 'text': {
        state.kind = 'text';
        const text = expectOptionalString(block.text, 'content_block.text');
        if (text) {
          state.chunks.push(text);
          accumulator.text(text, state.key);
        }
        const citations = expectOptionalArray(block.citations, 'content_block.citations');
        if (citations.length > 0) state.citations = [...citations] as AnthropicCitation[];
        break;
      }
      case 'tool_use': {
        const name = expectString(block.name, 'content_block.name');
        const id = expectString(block.id, 'content_block.id');
        if (name === jsonToolName) {
          state.kind = 'json';
          jsonToolUsed = true;
          break;
        }
        state.kind = 'tool';
        toolCalled = true;
        const caller = block.caller;
        accumulator.toolCallStart(
          state.key,
          caller === undefined ? { id, name } : { id, name, providerMetadata: { anthropic: { caller } } },
        );
        break;
      }
      case 'thinking': {
        state.kind = 'thinking';
        const thinking = expectOptionalString(block.thinking, 'content_block.thinking') ?? '';
        if (thinking) state.chunks.push(thinking);
        accumulator.reasoningDelta(state.key, thinking);
        const signature = expectOptionalString(block.signature, 'content_block.signature');
        if (signature) {
          state.signature = signature;
          accumulator.reasoningSignature(state.key, signature);
        }
        break;
      }
      case 'redacted_thinking':
        state.kind = 'done';
        accumulator.reasoning({
          type: 'reasoning',
          content: [{ type: 'redacted', data: expectString(block.data, 'content_block.data') }],
        });
        break;
      default: {
        // Exhaustive: a new member of the union does not compile here.
        const unhandled: never = block;
        return unhandled;
      }
    }
    return state;
  }

  function stop(state: BlockState, accumulator: StreamAccumulator<AnthropicRawResponse>): void {
    const { block, key } = state;
    const joined = state.chunks.length === 1 ? state.chunks[0]! : state.chunks.join('');
    switch (state.kind) {
      case 'text':
        block.text = joined;
        if (state.citations !== undefined) {
          block.citations = state.citations;
          accumulator.textMetadata({ anthropic: { citations: state.citations } }, key);
        }
        break;
      case 'tool': {
        const input = state.chunks.length === 0 ? (block.input ?? {}) : parseToolArguments(joined);
        // Invalid arguments stay open: the accumulator reports them as cut on a `max_tokens` turn and keeps them otherwise.
        if (input !== undefined) {
          block.input = input;
          accumulator.toolCallArguments(key, input);
        }
        break;
      }
      case 'json': {
        const input = state.chunks.length === 0 ? (block.input ?? {}) : parseToolArguments(joined);
        if (input !== undefined) block.input = input;
        accumulator.text(input === undefined ? joined : JSON.stringify(input), key);
        break;
      }
      case 'thinking':
        block.thinking = joined;
        if (state.signature !== undefined) block.signature = state.signature;
        accumulator.reasoningEnd(key);
        break;
      case 'other':
        if (state.chunks.length > 0) {
          if (block.type === 'compaction') block.content = joined;
          else block.input = parseToolArguments(joined) ?? block.input;
        }
        accumulator.textMetadata({ anthropic: { block } }, key);
        break;
      case 'done':
        break;
      default: {
        // Exhaustive: a new member of the union does not compile here.
        const unhandled: never = state.kind;
        return unhandled;
      }
    }
    state.kind = 'done';
  }

  function finishWith(
    stopReason: string | null | undefined,
    accumulator: StreamAccumulator<AnthropicRawResponse>,
  ): void {
    if (typeof stopReason !== 'string') return;
    accumulator.rawFinishReason = stopReason;
    accumulator.finishReason = anthropicFinishReason(stopReason, toolCalled, jsonToolUsed);
  }

  return {
    onFrame(data, _event, accumulator) {
      if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw malformed(`a frame is not a JSON object (got ${describeWireValue(data)})`);
      const event = readAnthropicStreamEvent(data as { [key: string]: unknown });
      // An event type this package does not know (Anthropic may add some) is skipped.
      if (event === undefined) return;
      switch (event.type) {
        case 'content_block_delta': {
          const index = blockIndex(event.index);
          const state = blocks[index];
          if (state === undefined || state.kind === 'done')
            throw malformed(`content_block_delta for block ${index}, which is not open`);
          const delta = readAnthropicDelta(event.delta);
          // A delta type this package does not know (Anthropic may add some) is skipped.
          if (delta === undefined) return;
          switch (delta.type) {
            case 'text_delta':
              state.chunks.push(delta.text);
              accumulator.text(delta.text, state.key);
              break;
            case 'input_json_delta':
              state.chunks.push(delta.partial_json);
              if (state.kind === 'tool') accumulator.toolCallDelta(state.key, delta.partial_json);
              break;
            case 'thinking_delta':
              state.chunks.push(delta.thinking);
              accumulator.reasoningDelta(state.key, delta.thinking);
              break;
            case 'signature_delta':
              state.signature = (state.signature ?? '') + delta.signature;
              accumulator.reasoningSignature(state.key, delta.signature);
              break;
            case 'citations_delta':
              (state.citations ??= []).push(delta.citation);
              break;
            case 'compaction_delta':
              state.chunks.push(delta.content);
              break;
            default: {
              // Exhaustive: a new member of the union does not compile here.
              const unhandled: never = delta;
              return unhandled;
            }
          }
          return;
        }
        case 'content_block_start': {
          if (message === undefined) throw malformed('content_block_start before message_start');
          const index = blockIndex(event.index);
          // Blocks start in order: an index past the next one would leave holes in the message's content (an index of
          // 4294967294 makes an array of that length, which anything iterating the raw response would walk).
          if (index > message.content.length)
            throw malformed(`content_block_start for block ${index}, but block ${message.content.length} comes next`);
          start(index, readAnthropicBlock(event.content_block, 'content_block'), accumulator);
          return;
        }
        case 'content_block_stop': {
          const index = blockIndex(event.index);
          const state = blocks[index];
          if (state === undefined) throw malformed(`content_block_stop for block ${index}, which never started`);
          stop(state, accumulator);
          return;
        }
        case 'message_start': {
          expectObject(event.message, 'message');
          const started = event.message;
          const id = expectString(started.id, 'message.id');
          if (message !== undefined) {
            if (id === message.id && blocks.length === 0 && !accumulator.ended) return;
            throw malformed(`a second message_start (${id}) arrived after message ${message.id}`);
          }
          const content = expectOptionalArray(started.content, 'message.content');
          message = { ...started, content: [] };
          accumulator.id = id;
          accumulator.model = expectOptionalString(started.model, 'message.model');
          accumulator.usage = convertAnthropicUsage(started.usage);
          // Some turns (programmatic tool calling) arrive whole inside message_start.
          content.forEach((block, index) =>
            stop(start(index, readAnthropicBlock(block, `message.content[${index}]`), accumulator), accumulator),
          );
          finishWith(expectOptionalString(started.stop_reason, 'message.stop_reason'), accumulator);
          return;
        }
        case 'message_delta': {
          if (message === undefined) throw malformed('message_delta before message_start');
          const { type: _type, delta, usage, ...rest } = event;
          expectObject(delta, 'delta');
          Object.assign(message, delta, rest);
          if (usage !== undefined && usage !== null) {
            message.usage = { ...message.usage, ...expectObject(usage, 'usage') };
            accumulator.usage = convertAnthropicUsage(message.usage);
          }
          finishWith(expectOptionalString(delta.stop_reason, 'delta.stop_reason'), accumulator);
          return;
        }
        case 'message_stop':
          if (message === undefined) throw malformed('message_stop before message_start');
          accumulator.rawResponse = withTokenUsage(message, accumulator.usage);
          accumulator.end();
          return;
        case 'error':
          throw anthropicProviderError(event.error, accumulator.requestId);
        case 'ping':
          return;
        default: {
          // Exhaustive: a new member of the union does not compile here.
          const unhandled: never = event;
          return unhandled;
        }
      }
    },
  };
}
