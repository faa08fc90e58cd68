import type {
  CompletionResponse,
  Reasoning,
  StreamedAssistantContent,
  StreamingCompletionResponse,
  ToolCall,
  ToolResult,
} from '@rig-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type StreamingResponse, streamFromItems } from './index.js';

interface Raw {
  id: string;
}
declare const items: AsyncIterable<StreamedAssistantContent<Raw>>;

describe('streamFromItems', () => {
  it('infers the raw response type from its items and is a core streaming response', () => {
    const stream = streamFromItems(items);
    expectTypeOf(stream).toEqualTypeOf<StreamingResponse<Raw>>();
    expectTypeOf(stream).toExtend<StreamingCompletionResponse<Raw>>();
    expectTypeOf(stream.final).toEqualTypeOf<Promise<CompletionResponse<Raw>>>();
    expectTypeOf(stream.textStream).toEqualTypeOf<AsyncIterable<string>>();
    expectTypeOf(stream.toReadableStream()).toEqualTypeOf<ReadableStream<StreamedAssistantContent<Raw>>>();
    const strings = (async function* () {
      yield 'text';
    })();
    // @ts-expect-error items are stream items, not strings
    streamFromItems(strings);
  });

  it('yields items that narrow on type', async () => {
    for await (const item of streamFromItems(items)) {
      switch (item.type) {
        case 'text':
          expectTypeOf(item.text).toEqualTypeOf<string>();
          break;
        case 'tool-call-delta':
          expectTypeOf(item.argumentsDelta).toEqualTypeOf<string>();
          expectTypeOf(item.name).toEqualTypeOf<string | undefined>();
          break;
        case 'tool-call':
          expectTypeOf(item.toolCall).toEqualTypeOf<ToolCall>();
          break;
        case 'reasoning-delta':
          expectTypeOf(item.text).toEqualTypeOf<string>();
          break;
        case 'reasoning':
          expectTypeOf(item.reasoning).toEqualTypeOf<Reasoning>();
          break;
        case 'tool-result':
          expectTypeOf(item.toolResult).toEqualTypeOf<ToolResult>();
          break;
        case 'final':
          expectTypeOf(item.response).toEqualTypeOf<CompletionResponse<Raw>>();
          expectTypeOf(item.response.rawResponse).toEqualTypeOf<Raw>();
          break;
        default:
          expectTypeOf(item).toBeNever();
      }
      // @ts-expect-error `text` is on text and reasoning-delta items only
      void item.text;
    }
  });
});
