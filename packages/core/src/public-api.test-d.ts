import { describe, expectTypeOf, it } from 'vitest';
import {
  CompletionError,
  CompletionRequestBuilder,
  Message,
  OneOrMany,
  PromptError,
  type AssistantMessage,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type ToolResult,
  type UserContent,
  type UserMessage,
} from './index.js';

interface Raw {
  raw: true;
}
interface StreamRaw {
  streamRaw: true;
}
declare const model: CompletionModel<Raw, StreamRaw>;

describe('CompletionRequestBuilder', () => {
  it('carries the model raw response types through the chain to send() and stream()', () => {
    const builder = model.completionRequest('hi').preamble('be brief').temperature(0.2).maxTokens(10).tools([]);
    expectTypeOf(builder).toEqualTypeOf<CompletionRequestBuilder<Raw, StreamRaw>>();
    expectTypeOf(builder.send()).resolves.toEqualTypeOf<CompletionResponse<Raw>>();
    expectTypeOf(builder.stream()).resolves.toEqualTypeOf<StreamingCompletionResponse<StreamRaw>>();
    expectTypeOf(builder.build()).toEqualTypeOf<CompletionRequest>();
    expectTypeOf(new CompletionRequestBuilder(model, Message.user('hi'))).toEqualTypeOf<
      CompletionRequestBuilder<Raw, StreamRaw>
    >();
  });

  it('refuses what is not a prompt or a setting of the right type', () => {
    // @ts-expect-error a prompt is a string or a Message
    model.completionRequest(42);
    // @ts-expect-error temperature is a number
    model.completionRequest('hi').temperature('hot');
    // @ts-expect-error messages are Message values
    model.completionRequest('hi').messages([{ role: 'system', content: 'x' }]);
  });
});

describe('Message helpers', () => {
  it('build the message of their role', () => {
    expectTypeOf(Message.user('hi')).toEqualTypeOf<UserMessage>();
    expectTypeOf(Message.assistant('hi')).toEqualTypeOf<AssistantMessage>();
    expectTypeOf(Message.toolResult('call_1', 'done')).toEqualTypeOf<UserMessage>();
    expectTypeOf<Message>().toEqualTypeOf<UserMessage | AssistantMessage>();
  });

  it('take a non-empty list of content blocks, and the blocks of their role only', () => {
    Message.user([{ type: 'text', text: 'a' }]);
    // @ts-expect-error content is never empty (OneOrMany)
    Message.user([]);
    // @ts-expect-error a tool call is assistant content
    Message.user([{ type: 'tool-call', id: 'c', function: { name: 'f', arguments: {} } }]);
    // @ts-expect-error a tool result is user content
    Message.assistant([{ type: 'tool-result', id: 'c', content: [{ type: 'text', text: 'x' }] }]);
  });

  it('narrow a message on role and its content on type', () => {
    const message = Message.user('hi') as Message;
    if (message.role === 'user') {
      expectTypeOf(message.content).toEqualTypeOf<OneOrMany<UserContent>>();
      const block = message.content[0];
      if (block.type === 'tool-result') expectTypeOf(block).toEqualTypeOf<ToolResult>();
    } else {
      expectTypeOf(message).toEqualTypeOf<AssistantMessage>();
    }
  });
});

describe('OneOrMany', () => {
  it('is a non-empty read-only array whose first item is always there', () => {
    const items = OneOrMany.many([1, 2]);
    expectTypeOf(items).toEqualTypeOf<OneOrMany<number>>();
    expectTypeOf(items[0]).toEqualTypeOf<number>();
    expectTypeOf(OneOrMany.first(OneOrMany.one('a'))).toEqualTypeOf<string>();
    // @ts-expect-error read-only
    items.push(3);
    const list: readonly string[] = ['a'];
    if (OneOrMany.isOneOrMany(list)) expectTypeOf(list).toEqualTypeOf<OneOrMany<string>>();
  });
});

describe('stream items', () => {
  it('narrow on type', () => {
    const item = {} as StreamedAssistantContent<Raw>;
    if (item.type === 'text') expectTypeOf(item.text).toEqualTypeOf<string>();
    if (item.type === 'tool-call') expectTypeOf(item.toolCall.function.name).toEqualTypeOf<string>();
    if (item.type === 'final') expectTypeOf(item.response).toEqualTypeOf<CompletionResponse<Raw>>();
    expectTypeOf<StreamedAssistantContent['type']>().toEqualTypeOf<
      'text' | 'tool-call-delta' | 'tool-call' | 'reasoning-delta' | 'reasoning' | 'tool-result' | 'final'
    >();
  });
});

describe('errors', () => {
  it('isInstance narrows to the error family, and kind to its fields', () => {
    const error: unknown = undefined;
    if (CompletionError.isInstance(error)) {
      expectTypeOf(error.kind).toEqualTypeOf<'http' | 'json' | 'request' | 'response' | 'provider'>();
      if (error.kind === 'http') expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      if (error.kind === 'response')
        expectTypeOf(error.reason).toEqualTypeOf<'malformed' | 'empty' | 'truncated' | 'unexpected'>();
      // @ts-expect-error status is on http errors only
      void error.status;
    }
    if (PromptError.isInstance(error))
      expectTypeOf(error.kind).toEqualTypeOf<'completion' | 'max-turns' | 'tool' | 'cancelled'>();
  });
});
