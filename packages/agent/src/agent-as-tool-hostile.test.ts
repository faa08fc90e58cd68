import type { CompletionRequest } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import type { Agent } from './agent.js';
import { AgentBuilder } from './agent-builder.js';
import { toolFeedback } from './tool-feedback.js';
import { errorResult, lastResults } from './test-utils/tool-results.js';

/** The first user text of a request: `go` for the outermost run, `again` for a copy of the agent it called. */
function firstText(request: CompletionRequest): string {
  const first = request.chatHistory[0]!.content[0]!;
  return first.type === 'text' ? first.text : '';
}

describe('an agent used as a tool, misused', () => {
  it('an agent given itself as a tool, with a model that answers without I/O, is stopped by the tool time limit', async () => {
    // The model answers in microtasks and always calls the agent again; before the fix the nested runs never let a
    // timer run, so the time limit never fired and the test (and its worker) hung.
    const model = new MockCompletionModel((call) =>
      firstText(call.request) === 'go' && call.request.chatHistory.length > 1
        ? 'The copy of me did not finish.'
        : { toolCalls: [{ id: `call_${call.index}`, name: 'self', arguments: { prompt: 'again' } }] },
    );
    let agent: Agent<unknown> | undefined;
    agent = new AgentBuilder(model)
      .name('self')
      .description('Calls itself')
      .toolTimeoutMs(300)
      .toolSource(() => [agent!.asTool()])
      .build();
    expect(await agent.prompt('go')).toBe('The copy of me did not finish.');
    const outer = model.calls.filter((call) => firstText(call.request) === 'go');
    expect(outer).toHaveLength(2);
    expect(lastResults(outer[1]!.request)).toEqual([errorResult('call_0', 'self', toolFeedback.timedOut('self', 300))]);
    expect(model.calls.length).toBeGreaterThan(2);
  }, 30_000);

  it('passes a prompt argument of 10 MB to the inner agent as it is', async () => {
    const prompt = 'p'.repeat(10 * 1024 * 1024);
    const innerModel = new MockCompletionModel(['Read it.']);
    const inner = new AgentBuilder(innerModel).name('reader').description('Reads').build();
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'reader', arguments: { prompt } }] },
      'Done.',
    ]);
    expect(await new AgentBuilder(outerModel).tool(inner.asTool()).build().prompt('go')).toBe('Done.');
    expect(firstText(innerModel.requests[0]!)).toBe(prompt);
    expect(lastResults(outerModel.requests[1]!)).toEqual([
      { type: 'tool-result', id: 'call_1', name: 'reader', content: [{ type: 'text', text: 'Read it.' }] },
    ]);
    // The mock model frames 10 MB of tool arguments as a provider stream would (about 0.5 s a MB on one free core):
    // vitest's 5 s default fails it on a loaded machine; the bound only catches a hang.
  }, 60_000);
});
