import { CompletionError, isCancelled, Message, PromptError, type Usage } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { AgentToolArguments } from './agent-tool-arguments.js';
import type { AgentHook } from './agent-hook.js';
import { tool } from './tool.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';
import { WeatherArguments } from '@rig-ts/test-schemas';
import { errorResult, lastResults } from './test-utils/tool-results.js';

const noArguments = jsonSchema({ type: 'object', properties: {} });

function usage(promptTokens: number, completionTokens: number): Usage {
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

/** An inner agent that looks something up with a tool, then answers. */
function researcher() {
  const lookups: { query: unknown; context: unknown }[] = [];
  const lookup = tool({
    name: 'lookup',
    description: 'Looks a fact up',
    parameters: noArguments,
    execute: (_args, context) => (
      lookups.push({ query: context.toolCallId, context: context.context }),
      'Paris has 2.1 million inhabitants'
    ),
  });
  const model = new MockCompletionModel([
    { toolCalls: [{ id: 'inner_1', name: 'lookup' }], usage: usage(100, 10) },
    { text: 'About 2.1 million people live in Paris.', usage: usage(200, 20) },
  ]);
  const agent = new AgentBuilder<{ user: string }>(model)
    .name('research')
    .description('Researches a question and reports the facts')
    .preamble('You research.')
    .tool(lookup)
    .build();
  return { agent, model, lookups };
}

describe('an agent as a tool of another agent', () => {
  it('answers the outer model with the inner answer; the outer usage is the outer calls plus the inner calls, exactly', async () => {
    const inner = researcher();
    const outerModel = new MockCompletionModel([
      {
        toolCalls: [{ id: 'outer_1', name: 'research', arguments: { prompt: 'How many people live in Paris?' } }],
        usage: usage(1, 2),
      },
      { text: 'Paris has about 2.1 million inhabitants.', usage: usage(3, 4) },
    ]);
    const outer = new AgentBuilder<{ user: string }>(outerModel).tool(inner.agent.asTool()).build();

    const response = await outer.prompt('Tell me about Paris.', { context: { user: 'ada' }, extendedDetails: true });

    expect(response.output).toBe('Paris has about 2.1 million inhabitants.');
    expect(response.usage).toEqual({
      promptTokens: 1 + 100 + 200 + 3,
      completionTokens: 2 + 10 + 20 + 4,
      totalTokens: 3 + 110 + 220 + 7,
    });
    expect(response.calls.map((call) => call.usage)).toEqual([usage(1, 2), usage(3, 4)]);
    expect(outerModel.requests[0]!.tools).toEqual([
      {
        name: 'research',
        description: 'Researches a question and reports the facts',
        parameters: AgentToolArguments.jsonSchema,
      },
    ]);
    expect(inner.model.requests[0]!.preamble).toBe('You research.');
    expect(inner.model.requests[0]!.chatHistory).toEqual([Message.user('How many people live in Paris?')]);
    expect(inner.lookups).toEqual([{ query: 'inner_1', context: { user: 'ada' } }]);
    expect(lastResults(outerModel.requests[1]!)).toEqual([
      {
        type: 'tool-result',
        id: 'outer_1',
        name: 'research',
        content: [{ type: 'text', text: 'About 2.1 million people live in Paris.' }],
      },
    ]);
  });

  it('adds up usage through nested agents, in streamed outer runs and in the onRunEnd event', async () => {
    const inner = researcher();
    const middleModel = new MockCompletionModel([
      {
        toolCalls: [{ id: 'middle_1', name: 'research', arguments: { prompt: 'Paris?' } }],
        usage: usage(10_000, 1_000),
      },
      { text: 'Paris: 2.1 million.', usage: usage(20_000, 2_000) },
    ]);
    const middle = new AgentBuilder(middleModel).tool(inner.agent.asTool()).build();
    const outerModel = new MockCompletionModel([
      {
        toolCalls: [{ id: 'outer_1', name: 'editor', arguments: { prompt: 'Check the Paris figure.' } }],
        usage: usage(1, 2),
      },
      { text: 'Checked.', usage: usage(3, 4) },
    ]);
    const ends: Usage[] = [];
    const outer = new AgentBuilder(outerModel)
      .tool(middle.asTool({ name: 'editor', description: 'Checks facts' }))
      .hook({ onRunEnd: (event) => void ends.push(event.usage) })
      .build();

    const stream = await outer.streamPrompt('Write about Paris.');
    for await (const _item of stream);
    const expected = {
      promptTokens: 1 + 10_000 + 100 + 200 + 20_000 + 3,
      completionTokens: 2 + 1_000 + 10 + 20 + 2_000 + 4,
      totalTokens: 3 + 11_000 + 110 + 220 + 22_000 + 7,
    };
    expect(stream.usage()).toEqual(expected);
    expect((await stream.final).usage).toEqual(expected);
    expect(ends).toEqual([expected]);
    expect(outerModel.calls.map((call) => call.method)).toEqual(['stream', 'stream']);
    expect(middleModel.calls.map((call) => call.method)).toEqual(['completion', 'completion']);
  });

  it('takes arguments of your own: `parameters` and `toPrompt`', async () => {
    const innerModel = new MockCompletionModel(['Sunny, 24 °C.']);
    const forecaster = new AgentBuilder(innerModel).build();
    const forecast = forecaster.asTool({
      name: 'forecast',
      description: 'Forecasts the weather',
      parameters: WeatherArguments,
      toPrompt: ({ city, unit }) => `The weather in ${city}, in ${unit ?? 'celsius'}?`,
    });
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_bad', name: 'forecast', arguments: { town: 'Paris' } }] },
      { toolCalls: [{ id: 'call_good', name: 'forecast', arguments: { city: 'Paris' } }] },
      'Sunny.',
    ]);
    expect(await new AgentBuilder(outerModel).tool(forecast).build().prompt('Weather?')).toBe('Sunny.');
    expect(outerModel.requests[0]!.tools[0]!.parameters).toEqual(WeatherArguments.jsonSchema);
    expect(lastResults(outerModel.requests[1]!)[0]!.content).toEqual([
      {
        type: 'text',
        text: toolFeedback.invalidArguments('forecast', [{ path: '', message: "must have required property 'city'" }]),
      },
    ]);
    expect(innerModel.requests.map((request) => request.chatHistory)).toEqual([
      [Message.user('The weather in Paris, in celsius?')],
    ]);
    expect(lastResults(outerModel.requests[2]!)).toEqual([
      { type: 'tool-result', id: 'call_good', name: 'forecast', content: [{ type: 'text', text: 'Sunny, 24 °C.' }] },
    ]);
  });

  it('takes its name and description from the agent, or refuses without them', () => {
    const model = new MockCompletionModel([]);
    const named = new AgentBuilder(model)
      .name('research')
      .description('Researches')
      .build()
      .asTool({ timeoutMs: 1_000 });
    expect(named).toMatchObject({ name: 'research', description: 'Researches', timeoutMs: 1_000 });
    expect(
      new AgentBuilder(model)
        .name('research')
        .description('Researches')
        .build()
        .asTool({ name: 'other', description: 'Else' }),
    ).toMatchObject({ name: 'other', description: 'Else' });
    expect(new AgentBuilder(model).build().asTool({ name: 'x', description: 'y' }).timeoutMs).toBeUndefined();

    const refusals: [() => unknown, string, string][] = [
      [
        () => new AgentBuilder(model).build().asTool(),
        'name',
        'asTool() needs a name: pass { name } or give the agent one with AgentBuilder.name()',
      ],
      [
        () => new AgentBuilder(model).build().asTool({ name: '', description: 'y' }),
        'name',
        'asTool() needs a name: pass { name } or give the agent one with AgentBuilder.name()',
      ],
      [
        () => new AgentBuilder(model).name('research').build().asTool(),
        'description',
        'asTool() needs a description of agent "research": pass { description } or give the agent one with AgentBuilder.description()',
      ],
      [
        () => new AgentBuilder(model).build().asTool({ name: 'x', description: 'y', timeoutMs: 0 }),
        'timeoutMs',
        'timeoutMs must be a number of milliseconds above 0, or Infinity for no limit (got 0)',
      ],
      [
        () =>
          new AgentBuilder(model)
            .build()
            .asTool({ name: 'x', description: 'y', parameters: WeatherArguments } as never),
        'toPrompt',
        'asTool() of agent "x" has parameters but no toPrompt function',
      ],
    ];
    for (const [make, path, message] of refusals) {
      const error = requestError(() => make());
      expect(error).toMatchObject({ kind: 'request', path, message });
    }
  });

  it.each([
    ['no prompt', {}, [{ path: '', message: "must have required property 'prompt'" }]],
    ['a number as prompt', { prompt: 42 }, [{ path: '/prompt', message: 'must be string' }]],
    ['a null prompt', { prompt: null }, [{ path: '/prompt', message: 'must be string' }]],
    [
      'an extra argument',
      { prompt: 'x', urgent: true },
      [{ path: '', message: "must NOT have additional properties: 'urgent'" }],
    ],
    ['an array', ['x'], [{ path: '', message: 'must be object' }]],
    ['a string', 'x', [{ path: '', message: 'must be object' }]],
    [
      'every mistake at once',
      { text: 'x', prompt: 1 },
      [
        { path: '', message: "must NOT have additional properties: 'text'" },
        { path: '/prompt', message: 'must be string' },
      ],
    ],
  ])('refuses %s without running the inner agent: the outer model reads why', async (_name, args, issues) => {
    const innerModel = new MockCompletionModel(['never']);
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'research', arguments: args }] },
      'gave up',
    ]);
    const inner = new AgentBuilder(innerModel).build();
    expect(
      await new AgentBuilder(outerModel)
        .tool(inner.asTool({ name: 'research', description: 'Researches' }))
        .build()
        .prompt('go'),
    ).toBe('gave up');
    const text = toolFeedback.invalidArguments('research', issues);
    expect(lastResults(outerModel.requests[1]!)).toEqual([errorResult('call_1', 'research', text)]);
    expect(innerModel.calls).toHaveLength(0);
  });

  it('checks { prompt } as ajv would check its JSON Schema (null and arrays too, which a model cannot send through the mock)', () => {
    const notObject = { success: false, issues: [{ path: '', message: 'must be object', keyword: 'type' }] };
    expect(AgentToolArguments.validate(null)).toEqual(notObject);
    expect(AgentToolArguments.validate([{ prompt: 'x' }])).toEqual(notObject);
    expect(AgentToolArguments.validate({ prompt: 'x' })).toEqual({ success: true, value: { prompt: 'x' } });
    expect(AgentToolArguments.validate({})).toEqual({
      success: false,
      issues: [{ path: '', message: "must have required property 'prompt'", keyword: 'required' }],
    });
    expect(AgentToolArguments.validate({ prompt: 1 })).toEqual({
      success: false,
      issues: [{ path: '/prompt', message: 'must be string', keyword: 'type' }],
    });
    expect(AgentToolArguments.validate({ prompt: 'x', more: 1 })).toEqual({
      success: false,
      issues: [{ path: '', message: "must NOT have additional properties: 'more'", keyword: 'additionalProperties' }],
    });
    // What the model reads about the one argument.
    expect(AgentToolArguments.jsonSchema).toMatchObject({
      properties: { prompt: { type: 'string', description: expect.stringMatching(/^What to ask the agent: /) } },
    });
    const ajvChecked = jsonSchema(AgentToolArguments.jsonSchema);
    for (const value of [null, [], {}, { prompt: 'x' }, { prompt: 1 }, { prompt: 'x', more: 1 }, { more: 1 }, 'x', 3]) {
      expect(AgentToolArguments.validate(value), JSON.stringify(value)).toEqual(ajvChecked.validate(value));
    }
  });

  it('an inner run that hits its max turns is a tool error the outer model reads; its usage still counts', async () => {
    const innerModel = new MockCompletionModel(() => ({ toolCalls: [{ name: 'again' }], usage: usage(50, 5) }));
    const again = tool({ name: 'again', description: 'loops', parameters: noArguments, execute: () => 'more' });
    const inner = new AgentBuilder(innerModel).tool(again).defaultMaxTurns(3).build();
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'loop', arguments: { prompt: 'Loop.' } }], usage: usage(1, 1) },
      { text: 'The helper gave up.', usage: usage(1, 1) },
    ]);
    const seen: unknown[] = [];
    const hook: AgentHook = { afterToolResult: (event) => void seen.push(event.error) };
    const response = await new AgentBuilder(outerModel)
      .tool(inner.asTool({ name: 'loop', description: 'Loops' }))
      .hook(hook)
      .build()
      .prompt('go', { extendedDetails: true });

    expect(response.output).toBe('The helper gave up.');
    expect(innerModel.calls).toHaveLength(3);
    const text = toolFeedback.agentMaxTurns('loop', 3);
    expect(text).toBe(
      'Tool "loop" (an agent) gave no answer within 3 model calls. Ask it for something smaller, or answer without it.',
    );
    expect(lastResults(outerModel.requests[1]!)).toEqual([errorResult('call_1', 'loop', text)]);
    expect(response.usage).toEqual({ promptTokens: 2 + 150, completionTokens: 2 + 15, totalTokens: 4 + 165 });
    expect(ToolError.isInstance(seen[0])).toBe(true);
    const cause = (seen[0] as ToolError).cause;
    expect(PromptError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ kind: 'max-turns', maxTurns: 3 });
  });

  it('an inner model failure is a tool error with no detail; a PromptError never ends the outer run', async () => {
    const failure = new CompletionError({ kind: 'provider', message: 'internal secret detail' });
    const innerModel = new MockCompletionModel([{ error: failure }]);
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'research', arguments: { prompt: 'x' } }] },
      'answered anyway',
    ]);
    const seen: unknown[] = [];
    const outer = new AgentBuilder(outerModel)
      .tool(new AgentBuilder(innerModel).build().asTool({ name: 'research', description: 'Researches' }))
      .hook({ afterToolResult: (event) => void seen.push(event.error) })
      .build();
    expect(await outer.prompt('go')).toBe('answered anyway');
    expect(lastResults(outerModel.requests[1]!)).toEqual([
      errorResult('call_1', 'research', toolFeedback.failed('research')),
    ]);
    expect(JSON.stringify(outerModel.requests[1])).not.toContain('secret');
    expect((seen[0] as ToolError).cause).toMatchObject({ kind: 'completion', cause: failure });
  });
});

describe('cancelling and bounding an agent used as a tool', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('cancelling the outer run aborts the inner model call, and the outer run rejects with the caller’s reason', async () => {
    // One outer call and one inner call per run (prompt, then streamPrompt): each run is cancelled during the inner call.
    const innerModel = new MockCompletionModel(() => ({ text: 'too late', latencyMs: 600_000 }));
    const outerModel = new MockCompletionModel(() => ({
      toolCalls: [{ id: 'call_1', name: 'research', arguments: { prompt: 'x' } }],
    }));
    const outer = new AgentBuilder(outerModel)
      .tool(new AgentBuilder(innerModel).build().asTool({ name: 'research', description: 'Researches' }))
      .build();
    for (const [index, streaming] of [false, true].entries()) {
      const controller = new AbortController();
      const reason = new Error(`the user left (${index})`);
      const pending = streaming
        ? outer.streamPrompt('go', { signal: controller.signal }).then((stream) => stream.final)
        : outer.prompt('go', { signal: controller.signal });
      while (innerModel.calls.length <= index) await new Promise((resolve) => setTimeout(resolve, 1));
      const innerSignal = innerModel.calls[index]!.options!.signal!;
      expect(innerSignal.aborted).toBe(false);
      controller.abort(reason);
      const error = await pending.catch((caught: unknown) => caught);
      expect(error).toBe(reason);
      expect(isCancelled(error, controller.signal)).toBe(true);
      expect(innerSignal.aborted).toBe(true);
      expect(innerSignal.reason).toBe(reason);
    }
    expect(innerModel.calls).toHaveLength(2);
    expect(outerModel.calls).toHaveLength(2);
  });

  it('the outer tool time limit stops the inner run: its model call aborts with a TimeoutError, the outer model is told', async () => {
    vi.useFakeTimers();
    const innerModel = new MockCompletionModel([{ text: 'too late', latencyMs: 600_000 }]);
    const outerModel = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'research', arguments: { prompt: 'x' } }] },
      'It took too long.',
    ]);
    const outer = new AgentBuilder(outerModel)
      .toolTimeoutMs(5_000)
      .tool(new AgentBuilder(innerModel).build().asTool({ name: 'research', description: 'Researches' }))
      .build();
    const pending = outer.prompt('go');
    await vi.advanceTimersByTimeAsync(4_999);
    const innerSignal = innerModel.calls[0]!.options!.signal!;
    expect(innerSignal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBe('It took too long.');
    expect(innerSignal.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'tool "research" did not finish within 5000 ms',
    });
    expect(lastResults(outerModel.requests[1]!)).toEqual([
      errorResult('call_1', 'research', toolFeedback.timedOut('research', 5_000)),
    ]);
  });
});

describe('ToolContext.reportUsage', () => {
  it('adds a tool’s own usage to the run; a value that is not a Usage makes the call fail', async () => {
    const reporting = tool({
      name: 'reporting',
      description: 'reports usage',
      parameters: jsonSchema<{ usage: unknown }>({ type: 'object', properties: { usage: {} }, required: ['usage'] }),
      execute: ({ usage: reported }, context) => {
        context.reportUsage(reported as Usage);
        return 'reported';
      },
    });
    const bad = [
      null,
      'many',
      { promptTokens: 1, completionTokens: 1 },
      { promptTokens: Number.NaN, completionTokens: 1, totalTokens: 1 },
      { ...usage(1, 1), reasoningTokens: -1 },
      { ...usage(1, 1), cachedPromptTokens: Infinity },
    ];
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: 'good', name: 'reporting', arguments: { usage: { ...usage(7, 3), reasoningTokens: 2 } } },
          ...bad.map((reported, index) => ({ id: `bad_${index}`, name: 'reporting', arguments: { usage: reported } })),
        ],
        usage: usage(1, 1),
      },
      { text: 'done', usage: usage(1, 1) },
    ]);
    const errors: unknown[] = [];
    const response = await new AgentBuilder(model)
      .tool(reporting)
      .hook({ afterToolResult: (event) => void errors.push(event.error) })
      .build()
      .prompt('go', { extendedDetails: true });
    expect(response.usage).toEqual({ promptTokens: 9, completionTokens: 5, totalTokens: 14, reasoningTokens: 2 });
    expect(lastResults(model.requests[1]!).map((result) => result.isError ?? false)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(errors.slice(1).map((error) => (error as Error).message)).toEqual([
      'reportUsage(): promptTokens must be a finite number of at least 0',
      'reportUsage(): promptTokens must be a finite number of at least 0',
      'reportUsage(): totalTokens must be a finite number of at least 0',
      'reportUsage(): promptTokens must be a finite number of at least 0',
      'reportUsage(): reasoningTokens must be a finite number of at least 0',
      'reportUsage(): cachedPromptTokens must be a finite number of at least 0',
    ]);
  });
});
