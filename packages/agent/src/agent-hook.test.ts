import { Message } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import type { AgentHook } from './agent-hook.js';
import { rawResponseLogger, type RawResponseLogEntry } from './raw-response-logger.js';
import { tool } from './tool.js';
import { usageTracker } from './usage-tracker.js';
import { errorResult, lastResults } from './test-utils/tool-results.js';

const echo = tool({
  name: 'echo',
  description: 'echoes',
  parameters: jsonSchema({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] }),
  execute: ({ text }: { text: string }) => `echo: ${text}`,
});

const callEcho = (text = 'hi') => ({ toolCalls: [{ id: 'call_e', name: 'echo', arguments: { text } }] });

describe('agent hooks', () => {
  it('beforeCompletion may patch the request (patches chain; additionalParams merge)', async () => {
    const model = new MockCompletionModel(['ok']);
    const hooks: AgentHook[] = [
      { beforeCompletion: () => ({ type: 'patch', patch: { temperature: 0.1, additionalParams: { a: 1 } } }) },
      {
        beforeCompletion: ({ request }) => ({
          type: 'patch',
          patch: { preamble: `${request.preamble} + patched`, additionalParams: { b: 2 } },
        }),
      },
      { beforeCompletion: () => undefined },
    ];
    const agent = new AgentBuilder(model)
      .preamble('base')
      .additionalParams({ z: 0 })
      .hook(hooks[0]!)
      .hook(hooks[1]!)
      .hook(hooks[2]!)
      .build();
    await agent.prompt('x');
    expect(model.calls[0]?.request).toMatchObject({
      preamble: 'base + patched',
      temperature: 0.1,
      additionalParams: { z: 0, a: 1, b: 2 },
    });
  });

  it('beforeCompletion may stop the run before the model is called', async () => {
    const model = new MockCompletionModel(['never']);
    const error = await new AgentBuilder(model)
      .hook({ beforeCompletion: ({ turn }) => (turn === 1 ? { type: 'stop', reason: 'budget exhausted' } : undefined) })
      .build()
      .prompt('x')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'cancelled',
      reason: 'budget exhausted',
      message: 'the run was stopped by a hook: budget exhausted',
      history: [Message.user('x')],
    });
    expect(model.calls).toHaveLength(0);
  });

  it('afterCompletion sees each response and may stop', async () => {
    const model = new MockCompletionModel([callEcho(), 'final']);
    const turns: number[] = [];
    const error = await new AgentBuilder(model)
      .tool(echo)
      .hook({
        afterCompletion: ({ turn, response }) => {
          turns.push(turn);
          return response.finishReason === 'tool-calls' ? { type: 'stop', reason: 'no tools today' } : undefined;
        },
      })
      .build()
      .prompt('x')
      .catch((caught: unknown) => caught);
    expect(turns).toEqual([1]);
    expect(error).toMatchObject({ kind: 'cancelled', reason: 'no tools today' });
    expect((error as { history: Message[] }).history.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('beforeToolCall may skip a call (the model is told why)', async () => {
    let ran = false;
    const guarded = tool({ ...echo, execute: () => (ran = true) });
    const model = new MockCompletionModel([callEcho(), 'ok']);
    await new AgentBuilder(model)
      .tool(guarded)
      .hook({ beforeToolCall: () => ({ type: 'skip', reason: 'the user declined' }) })
      .build()
      .prompt('x');
    expect(ran).toBe(false);
    expect(lastResults(model.calls[1]!.request)).toEqual([
      errorResult('call_e', 'echo', 'Tool "echo" was not run: the user declined'),
    ]);
  });

  it('beforeToolCall may rewrite the arguments (rewrites chain)', async () => {
    const model = new MockCompletionModel([callEcho('secret'), 'ok']);
    await new AgentBuilder(model)
      .tool(echo)
      .hook({
        beforeToolCall: ({ toolCall }) => ({
          type: 'rewrite',
          arguments: { text: `${(toolCall.function.arguments as { text: string }).text}!` },
        }),
      })
      .hook({
        beforeToolCall: ({ toolCall }) => ({
          type: 'rewrite',
          arguments: { text: `${(toolCall.function.arguments as { text: string }).text}?` },
        }),
      })
      .build()
      .prompt('x');
    expect(lastResults(model.calls[1]!.request)[0]?.content).toEqual([{ type: 'text', text: 'echo: secret!?' }]);
  });

  it('beforeToolCall may stop the run', async () => {
    const model = new MockCompletionModel([callEcho(), 'ok']);
    await expect(
      new AgentBuilder(model)
        .tool(echo)
        .hook({ beforeToolCall: () => ({ type: 'stop', reason: 'dangerous' }) })
        .build()
        .prompt('x'),
    ).rejects.toMatchObject({
      kind: 'cancelled',
      reason: 'dangerous',
    });
    expect(model.calls).toHaveLength(1);
  });

  it('afterToolResult may keep, rewrite or stop', async () => {
    const rewritten = new MockCompletionModel([callEcho(), 'ok']);
    await new AgentBuilder(rewritten)
      .tool(echo)
      .hook({ afterToolResult: () => ({ type: 'keep' }) })
      .hook({
        afterToolResult: ({ result }) => ({
          type: 'rewrite',
          content: `[redacted ${(result.content[0] as { text: string }).text.length} chars]`,
        }),
      })
      .build()
      .prompt('x');
    expect(lastResults(rewritten.calls[1]!.request)[0]?.content).toEqual([
      { type: 'text', text: '[redacted 8 chars]' },
    ]);
    const stopped = new MockCompletionModel([callEcho(), 'ok']);
    await expect(
      new AgentBuilder(stopped)
        .tool(echo)
        .hook({ afterToolResult: () => ({ type: 'stop', reason: 'enough' }) })
        .build()
        .prompt('x'),
    ).rejects.toMatchObject({
      kind: 'cancelled',
      reason: 'enough',
    });
    expect(stopped.calls).toHaveLength(1);
  });

  it('per-call hooks run after the agent’s own', async () => {
    const order: string[] = [];
    const model = new MockCompletionModel(['ok']);
    await new AgentBuilder(model)
      .hook({ beforeCompletion: () => void order.push('agent') })
      .build()
      .prompt('x', { hooks: [{ beforeCompletion: () => void order.push('call') }] });
    expect(order).toEqual(['agent', 'call']);
  });

  it('onStreamItem sees every streamed item of every turn', async () => {
    const model = new MockCompletionModel([callEcho(), { text: 'two words' }]);
    const seen: string[] = [];
    const stream = await new AgentBuilder(model)
      .tool(echo)
      .hook({ onStreamItem: ({ turn, item }) => void seen.push(`${turn}:${item.type}`) })
      .build()
      .streamPrompt('x');
    await stream.final;
    expect(seen).toContain('1:tool-call');
    expect(seen.filter((entry) => entry === '2:text').length).toBeGreaterThanOrEqual(2);
    expect(seen.some((entry) => entry.endsWith('final'))).toBe(false);
  });

  it('usageTracker sums usage per model; rawResponseLogger logs every raw response', async () => {
    const tracker = usageTracker();
    const log: RawResponseLogEntry[] = [];
    const model = new MockCompletionModel([
      { ...callEcho(), usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
      { text: 'ok', usage: { promptTokens: 7, completionTokens: 1, totalTokens: 8 } },
    ]);
    const agent = new AgentBuilder(model)
      .tool(echo)
      .hook(tracker)
      .hook(rawResponseLogger((entry) => log.push(entry)))
      .build();
    await agent.prompt('x');
    expect([...tracker.byModel.entries()]).toEqual([
      [model.modelId, { promptTokens: 10, completionTokens: 3, totalTokens: 13 }],
    ]);
    expect(tracker.total()).toEqual({ promptTokens: 10, completionTokens: 3, totalTokens: 13 });
    expect(log.map((entry) => [entry.turn, entry.finishReason])).toEqual([
      [1, 'tool-calls'],
      [2, 'stop'],
    ]);
    expect(log[0]?.rawResponse).toBeDefined();
    tracker.reset();
    expect(tracker.total()).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });
});
