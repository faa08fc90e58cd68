import { CompletionError, PromptError } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { tool, type ToolContext } from './tool.js';
import { toolFeedback } from './tool-feedback.js';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { errorResult, lastResults } from './test-utils/tool-results.js';

const noArguments = jsonSchema({ type: 'object', properties: {} });

/** A tool `hang` that never answers, handing its context to `see` when it starts. */
const hangingTool = (see: (context: ToolContext) => void) =>
  tool({
    name: 'hang',
    description: 'never answers',
    parameters: noArguments,
    execute: (_args, context) => {
      see(context);
      return new Promise(() => undefined);
    },
  });

describe('every loop is bounded: maxTurns', () => {
  it.each([Number.NaN, 0, -1, 2.5, Infinity])(
    'maxTurns %s rejects prompt, streamPrompt and promptTyped before any model call',
    async (maxTurns) => {
      const model = new MockCompletionModel(() => 'never');
      const agent = new AgentBuilder(model).build();
      for (const run of [
        () => agent.prompt('x', { maxTurns }),
        () => agent.chat('x', [], { maxTurns }),
        () => agent.streamPrompt('x', { maxTurns }),
      ]) {
        const error = await run().catch((caught: unknown) => caught);
        expect(PromptError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({
          kind: 'completion',
          message: `maxTurns must be an integer of at least 1 (got ${maxTurns})`,
        });
        const cause = (error as PromptError).cause;
        expect(CompletionError.isInstance(cause)).toBe(true);
        expect(cause).toMatchObject({ kind: 'request', path: 'maxTurns' });
      }
      expect(model.calls).toHaveLength(0);
    },
  );

  it('refuses a bad defaultMaxTurns in the builder, and in a config made by hand, before any call', async () => {
    for (const value of [Number.NaN, 0, -3, 1.5, Infinity]) {
      const error = requestError(() => new AgentBuilder(new MockCompletionModel([])).defaultMaxTurns(value));
      expect(error).toMatchObject({
        kind: 'request',
        path: 'defaultMaxTurns',
        message: `defaultMaxTurns must be an integer of at least 1 (got ${value})`,
      });
    }
    const model = new MockCompletionModel(() => 'never');
    const agent = new AgentBuilder(model).build();
    const handMade = new (agent.constructor as new (config: unknown) => typeof agent)({
      ...agent.config,
      defaultMaxTurns: Number.NaN,
    });
    await expect(handMade.prompt('x')).rejects.toMatchObject({
      kind: 'completion',
      cause: { kind: 'request', path: 'defaultMaxTurns' },
    });
    expect(model.calls).toHaveLength(0);
  });

  it('a model that always asks for tools is called exactly maxTurns times', async () => {
    const model = new MockCompletionModel(() => ({ toolCalls: [{ name: 'noop' }] }));
    const noop = tool({ name: 'noop', description: 'does nothing', parameters: noArguments, execute: () => 'ok' });
    for (const maxTurns of [1, 3]) {
      const calls = model.calls.length;
      await expect(new AgentBuilder(model).tool(noop).build().prompt('x', { maxTurns })).rejects.toMatchObject({
        kind: 'max-turns',
        maxTurns,
      });
      expect(model.calls.length - calls).toBe(maxTurns);
    }
  });

  it('refuses a bad toolConcurrency before any call', async () => {
    const model = new MockCompletionModel(() => 'never');
    await expect(new AgentBuilder(model).build().prompt('x', { toolConcurrency: Number.NaN })).rejects.toMatchObject({
      kind: 'completion',
      cause: {
        kind: 'request',
        path: 'toolConcurrency',
        message: 'toolConcurrency must be an integer of at least 1, or Infinity (got NaN)',
      },
    });
    expect(model.calls).toHaveLength(0);
  });
});

describe('every loop is bounded: tool time limits', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a tool that never settles is stopped at the agent’s limit: its signal aborts with a TimeoutError and the model is told', async () => {
    vi.useFakeTimers();
    let seen: ToolContext | undefined;
    const hang = hangingTool((context) => (seen = context));
    const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'hang' }] }, 'I could not get it.']);
    const pending = new AgentBuilder(model).tool(hang).toolTimeoutMs(5_000).build().prompt('x');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(seen?.signal.aborted).toBe(false);
    expect(model.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBe('I could not get it.');
    expect(seen?.signal.aborted).toBe(true);
    expect(seen?.signal.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'tool "hang" did not finish within 5000 ms',
    });
    expect(lastResults(model.calls[1]!.request)).toEqual([
      errorResult('call_1', 'hang', toolFeedback.timedOut('hang', 5_000)),
    ]);
    expect(toolFeedback.timedOut('hang', 5_000)).toBe(
      'Tool "hang" did not finish within 5000 ms and was stopped. Try again, or answer without it.',
    );
  });

  it('the default limit is 60 s; a tool’s own timeoutMs wins; Infinity means none', async () => {
    vi.useFakeTimers();
    const settledAt: { [name: string]: number } = {};
    const started = Date.now();
    const hanging = (name: string, timeoutMs?: number) =>
      tool({
        name,
        description: name,
        parameters: noArguments,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        execute: (_args, context) =>
          new Promise((_resolve, reject) =>
            context.signal.addEventListener('abort', () => {
              settledAt[name] = Date.now() - started;
              reject(context.signal.reason);
            }),
          ),
      });
    const model = new MockCompletionModel([{ toolCalls: [{ name: 'byDefault' }, { name: 'quick' }] }, 'done']);
    const pending = new AgentBuilder(model)
      .tools([hanging('byDefault'), hanging('quick', 100)])
      .build()
      .prompt('x', { toolConcurrency: 2 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toBe('done');
    expect(settledAt).toEqual({ quick: 100, byDefault: 60_000 });

    let finished = false;
    const slow = tool({
      name: 'slow',
      description: 'slow',
      parameters: noArguments,
      timeoutMs: Infinity,
      execute: () => new Promise((resolve) => setTimeout(() => resolve((finished = true)), 10 * 60_000)),
    });
    const unlimited = new AgentBuilder(new MockCompletionModel([{ toolCalls: [{ name: 'slow' }] }, 'ok']))
      .tool(slow)
      .build()
      .prompt('x');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await unlimited).toBe('ok');
    expect(finished).toBe(true);
  });

  it('refuses bad time limits in the builder and on tools', () => {
    expect(() => new AgentBuilder(new MockCompletionModel([])).toolTimeoutMs(0)).toThrow(
      'toolTimeoutMs must be a number of milliseconds above 0, or Infinity for no limit (got 0)',
    );
    const bad = tool({
      name: 'bad',
      description: 'bad',
      parameters: noArguments,
      timeoutMs: Number.NaN,
      execute: () => 'x',
    });
    expect(() => new AgentBuilder(new MockCompletionModel([])).tool(bad).build()).toThrow(
      'timeoutMs of tool "bad" must be a number of milliseconds above 0, or Infinity for no limit (got NaN)',
    );
  });

  it('the run’s signal reaches the tool: cancelling aborts the tool’s signal with the caller’s reason and rejects with it', async () => {
    let toolSignal: AbortSignal | undefined;
    const hang = hangingTool((context) => (toolSignal = context.signal));
    const controller = new AbortController();
    const pending = new AgentBuilder(new MockCompletionModel([{ toolCalls: [{ name: 'hang' }] }]))
      .tool(hang)
      .build()
      .prompt('x', { signal: controller.signal });
    while (!toolSignal) await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort('user left');
    await expect(pending).rejects.toBe('user left');
    expect(toolSignal.aborted).toBe(true);
    expect(toolSignal.reason).toBe('user left');
  });
});
