import {
  BaseCompletionModel,
  CompletionError,
  Message,
  PromptError,
  type CallOptions,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
  type ToolResult,
} from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import type { AgentHook } from './agent-hook.js';
import type { AgentRunEndEvent, AgentRunInfo, ToolCallWrapEvent } from './agent-run-events.js';
import { tool } from './tool.js';
import { jsonSchema } from '@rig-ts/typed/ajv';

const echo = tool({
  name: 'echo',
  description: 'echoes',
  parameters: jsonSchema<{ text: string }>({
    type: 'object',
    properties: { text: { type: 'string' } },
    required: ['text'],
  }),
  execute: ({ text }: { text: string }) => `echo: ${text}`,
});

/** A model that counts the calls made through it, then delegates. */
class CountingModel extends BaseCompletionModel {
  readonly provider: string;
  readonly inner: CompletionModel;
  calls: string[] = [];

  constructor(inner: CompletionModel) {
    super(inner.modelId);
    this.provider = inner.provider;
    this.inner = inner;
  }

  completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse> {
    this.calls.push('completion');
    return this.inner.completion(request, options);
  }

  stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    this.calls.push('stream');
    return this.inner.stream(request, options);
  }
}

function recorder(): { hook: AgentHook; starts: AgentRunInfo[]; ends: AgentRunEndEvent[] } {
  const starts: AgentRunInfo[] = [];
  const ends: AgentRunEndEvent[] = [];
  return {
    starts,
    ends,
    hook: { onRunStart: ({ run }) => void starts.push(run), onRunEnd: (event) => void ends.push(event) },
  };
}

describe('run hooks', () => {
  it('onRunStart sees the run before any model call; onRunEnd gets the final response and the summed usage, once', async () => {
    const model = new MockCompletionModel([
      {
        toolCalls: [{ id: 'call_1', name: 'echo', arguments: { text: 'a' } }],
        usage: { promptTokens: 10, completionTokens: 2 },
      },
      { text: 'done', usage: { promptTokens: 20, completionTokens: 3 } },
    ]);
    const { hook, starts, ends } = recorder();
    const history = [Message.user('before'), Message.assistant('earlier')];
    const agent = new AgentBuilder(model).name('helper').tool(echo).hook(hook).build();
    const promise = agent.chat('go', history, { maxTurns: 3 });
    expect(starts).toHaveLength(1);
    expect(model.calls).toHaveLength(0);
    await promise;
    expect(starts[0]).toEqual({
      config: agent.config,
      prompt: Message.user('go'),
      history,
      options: { maxTurns: 3, history },
      streaming: false,
    });
    expect(ends).toHaveLength(1);
    expect(ends[0]!.run).toBe(starts[0]);
    expect(ends[0]).toMatchObject({
      cancelled: false,
      usage: { promptTokens: 30, completionTokens: 5, totalTokens: 35 },
      response: { choice: [{ type: 'text', text: 'done' }] },
    });
    expect(ends[0]!.error).toBeUndefined();
  });

  it('onRunEnd gets the PromptError a failed run rejects with', async () => {
    const failure = new CompletionError({ kind: 'http', message: 'HTTP 500', status: 500 });
    const { hook, ends } = recorder();
    const error = await new AgentBuilder(new MockCompletionModel([{ error: failure }]))
      .hook(hook)
      .build()
      .prompt('x')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.error).toBe(error);
    expect(ends[0]).toMatchObject({
      cancelled: false,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    });
    expect(ends[0]!.response).toBeUndefined();
  });

  it('a model returned by onRunStart makes every call of that run (blocking and streamed); later hooks see it', async () => {
    const seen: CompletionModel[] = [];
    let wrapper: CountingModel | undefined;
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'echo', arguments: { text: 'a' } }] },
      'one',
      'two',
    ]);
    const agent = new AgentBuilder(model)
      .tool(echo)
      .hook({ onRunStart: ({ model: current }) => ({ model: (wrapper = new CountingModel(current)) }) })
      .hook({ onRunStart: ({ model: current }) => void seen.push(current) })
      .build();
    expect(await agent.prompt('x')).toBe('one');
    expect(wrapper!.calls).toEqual(['completion', 'completion']);
    expect(seen[0]).toBe(wrapper);
    const stream = await agent.streamPrompt('y');
    expect(await stream.final).toMatchObject({ choice: [{ type: 'text', text: 'two' }] });
    expect(wrapper!.calls).toEqual(['stream']);
    expect(agent.config.model).toBe(model);
  });

  it('a streamed run ends once: completed, failed, or cancelled by its consumer', async () => {
    const { hook, ends } = recorder();
    const model = new MockCompletionModel([
      'all of it',
      { text: 'partial', streamError: new CompletionError({ kind: 'http', message: 'reset' }) },
      { text: 'a b c d e f', delayMs: 5 },
    ]);
    const agent = new AgentBuilder(model).hook(hook).build();

    const completed = await agent.streamPrompt('1');
    for await (const item of completed) void item;
    expect(ends[0]!.run.streaming).toBe(true);
    expect(ends[0]).toMatchObject({ cancelled: false, response: { choice: [{ type: 'text', text: 'all of it' }] } });

    const failed = await agent.streamPrompt('2');
    const error = await (async () => {
      for await (const item of failed) void item;
    })().catch((caught: unknown) => caught);
    expect(ends[1]).toMatchObject({ cancelled: false, error });
    expect(PromptError.isInstance(error)).toBe(true);

    const cancelled = await agent.streamPrompt('3');
    for await (const item of cancelled) if (item.type === 'text') break;
    expect(ends[2]).toMatchObject({ cancelled: true });
    expect(ends[2]!.response).toBeUndefined();
    expect((ends[2]!.error as DOMException).name).toBe('AbortError');
    expect(ends).toHaveLength(3);
  });

  it('a consumer leaving after the final item ends the run as completed', async () => {
    const { hook, ends } = recorder();
    const agent = new AgentBuilder(new MockCompletionModel(['fine'])).hook(hook).build();
    const stream = await agent.streamPrompt('x');
    for await (const item of stream) if (item.type === 'final') break;
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ cancelled: false, response: { choice: [{ type: 'text', text: 'fine' }] } });
  });
});

describe('wrapToolCall', () => {
  it('wraps each tool call, first hook outermost, with the run and the call; may replace the result', async () => {
    const order: string[] = [];
    const events: ToolCallWrapEvent[] = [];
    const { hook: runHook, starts } = recorder();
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'echo', arguments: { text: 'a' } }] },
      'ok',
    ]);
    await new AgentBuilder(model)
      .tool(echo)
      .hook(runHook)
      .hook({
        async wrapToolCall(event, next) {
          events.push(event);
          order.push('outer in');
          const result = await next();
          order.push('outer out');
          return {
            ...result,
            content: [{ type: 'text', text: `wrapped ${(result.content[0] as { text: string }).text}` }],
          };
        },
      })
      .hook({
        beforeToolCall: () => void order.push('beforeToolCall'),
        async wrapToolCall(_event, next) {
          order.push('inner in');
          const result = await next();
          order.push('inner out');
          return result;
        },
      })
      .build()
      .prompt('x');
    expect(order).toEqual(['outer in', 'inner in', 'beforeToolCall', 'inner out', 'outer out']);
    expect(events).toEqual([
      {
        run: starts[0],
        turn: 1,
        toolCall: { type: 'tool-call', id: 'call_1', function: { name: 'echo', arguments: { text: 'a' } } },
        toolDescription: 'echoes',
      },
    ]);
    const results = model.calls[1]!.request.chatHistory.at(-1)!.content as unknown as ToolResult[];
    expect(results).toEqual([
      { type: 'tool-result', id: 'call_1', name: 'echo', content: [{ type: 'text', text: 'wrapped echo: a' }] },
    ]);
  });

  it('wraps concurrent tool calls independently', async () => {
    let running = 0;
    let most = 0;
    const slow = tool({
      ...echo,
      execute: async ({ text }: { text: string }) =>
        new Promise<string>((resolve) => setTimeout(() => resolve(text), 10)),
    });
    const wrapped: string[] = [];
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: 'call_1', name: 'echo', arguments: { text: 'a' } },
          { id: 'call_2', name: 'echo', arguments: { text: 'b' } },
        ],
      },
      'ok',
    ]);
    await new AgentBuilder(model)
      .tool(slow)
      .hook({
        async wrapToolCall({ toolCall }, next) {
          running++;
          most = Math.max(most, running);
          try {
            const result = await next();
            wrapped.push(`${toolCall.id}=${(result.content[0] as { text: string }).text}`);
            return result;
          } finally {
            running--;
          }
        },
      })
      .build()
      .prompt('x', { toolConcurrency: 2 });
    expect(most).toBe(2);
    expect(wrapped.sort()).toEqual(['call_1=a', 'call_2=b']);
  });
});
