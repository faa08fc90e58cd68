import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import type { AgentHook } from './agent-hook.js';
import { tool } from './tool.js';

const HOOKS = ['beforeCompletion', 'afterCompletion', 'beforeToolCall', 'afterToolResult', 'wrapToolCall'] as const;

/** An agent whose one tool the model calls once, with a hook of `kind` that never settles. */
function agentWithHangingHook(kind: (typeof HOOKS)[number]) {
  const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'lookup', arguments: {} }] }, 'Done.']);
  const lookup = tool({
    name: 'lookup',
    description: 'looks something up',
    parameters: jsonSchema<Record<string, never>>({ type: 'object' }),
    execute: () => 'found',
  });
  const hook: AgentHook = { [kind]: () => new Promise<never>(() => undefined) };
  return new AgentBuilder(model).tool(lookup).hook(hook).build();
}

/** How `promise` settles, or `'still pending'` once `ms` have passed. */
function settledWithin(promise: Promise<unknown>, ms: number) {
  return Promise.race([
    promise.then(
      (value) => ({ resolved: value }),
      (error: unknown) => ({ rejected: error }),
    ),
    new Promise((resolve) => setTimeout(resolve, ms, 'still pending')),
  ]);
}

describe('a hook that never returns does not hold a run past its signal', () => {
  it.each(HOOKS)('prompt, %s: rejects with the caller’s reason once the signal aborts', async (kind) => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const running = agentWithHangingHook(kind).prompt('Look it up.', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    expect(await settledWithin(running, 2000)).toEqual({ rejected: reason });
  });

  it.each(HOOKS)('streamPrompt, %s: cancel() ends the stream and its final', async (kind) => {
    const stream = await agentWithHangingHook(kind).streamPrompt('Look it up.');
    const reading = (async () => {
      for await (const _item of stream);
    })();
    setTimeout(() => stream.cancel('enough'), 20);
    expect(await settledWithin(reading, 2000)).toEqual({ resolved: undefined });
    expect(await settledWithin(stream.final, 2000)).toEqual({ rejected: 'enough' });
  });
});
