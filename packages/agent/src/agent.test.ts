import { CompletionError, Message, PromptError, type CompletionRequest, type ToolResult } from '@rig-ts/core';
import { WeatherArguments } from '@rig-ts/test-schemas';
import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { describe, expect, it, vi } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { DEFAULT_MAX_TURNS } from './agent-run-options.js';
import { tool, type Tool } from './tool.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';
import { errorResult } from './test-utils/tool-results.js';

const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: WeatherArguments,
  execute: ({ city, unit }) => ({ city, temperature: 21, unit: unit ?? 'celsius' }),
});

const time = tool({
  name: 'time',
  description: 'The local time in a city',
  parameters: jsonSchema({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  }),
  execute: ({ city }: { city: string }) => `09:30 in ${city}`,
});

function toolResults(request: CompletionRequest): ToolResult[] {
  const last = request.chatHistory[request.chatHistory.length - 1]!;
  return last.content.filter((block): block is ToolResult => block.type === 'tool-result');
}

describe('Agent tool loop against a scripted model', () => {
  it('runs a three-turn loop (two tool calls, then the answer) and sends exactly the expected messages', async () => {
    const model = new MockCompletionModel([
      {
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Paris' } }],
        usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
      },
      {
        toolCalls: [{ id: 'call_2', name: 'time', arguments: { city: 'Paris' } }],
        usage: { promptTokens: 20, completionTokens: 5, totalTokens: 25 },
      },
      { text: 'It is 21°C and 09:30 in Paris.', usage: { promptTokens: 30, completionTokens: 10, totalTokens: 40 } },
    ]);
    const agent = new AgentBuilder(model)
      .preamble('You are helpful.')
      .tool(weather)
      .tool(time)
      .temperature(0.2)
      .build();
    const response = await agent.prompt('Weather and time in Paris?', { extendedDetails: true });
    expect(response.output).toBe('It is 21°C and 09:30 in Paris.');
    expect(response.usage).toEqual({ promptTokens: 60, completionTokens: 20, totalTokens: 80 });
    expect(response.calls.map((call) => [call.turn, call.finishReason, call.usage.totalTokens])).toEqual([
      [1, 'tool-calls', 15],
      [2, 'tool-calls', 25],
      [3, 'stop', 40],
    ]);
    const prompt = Message.user('Weather and time in Paris?');
    const firstCall = Message.assistant([
      { type: 'tool-call', id: 'call_1', function: { name: 'weather', arguments: { city: 'Paris' } } },
    ]);
    const firstResult: Message = {
      role: 'user',
      content: [
        {
          type: 'tool-result',
          id: 'call_1',
          name: 'weather',
          content: [{ type: 'json', value: { city: 'Paris', temperature: 21, unit: 'celsius' } }],
        },
      ],
    };
    const secondCall = Message.assistant([
      { type: 'tool-call', id: 'call_2', function: { name: 'time', arguments: { city: 'Paris' } } },
    ]);
    const secondResult: Message = {
      role: 'user',
      content: [
        { type: 'tool-result', id: 'call_2', name: 'time', content: [{ type: 'text', text: '09:30 in Paris' }] },
      ],
    };
    const histories = model.calls.map((call) => call.request.chatHistory);
    expect(histories[0]).toEqual([prompt]);
    expect(histories[1]).toMatchObject([prompt, firstCall, firstResult]);
    expect(histories[2]).toMatchObject([prompt, firstCall, firstResult, secondCall, secondResult]);
    expect(model.calls[0]?.request).toMatchObject({
      preamble: 'You are helpful.',
      temperature: 0.2,
      tools: [
        { name: 'weather', description: 'The weather in a city', parameters: WeatherArguments.jsonSchema },
        { name: 'time', description: 'The local time in a city', parameters: time.parameters.jsonSchema },
      ],
    });
    expect(response.messages).toHaveLength(6);
    expect(response.messages[5]).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text', text: 'It is 21°C and 09:30 in Paris.' }],
    });
  });

  /** A tool whose calls each wait for their own gate, recording when they start and end. */
  function gatedTool() {
    const events: string[] = [];
    const gates = new Map<string, () => void>();
    const gated = tool({
      name: 'gated',
      description: 'waits for its gate',
      parameters: jsonSchema({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }),
      execute: async ({ name }: { name: string }) => {
        events.push(`start ${name}`);
        await new Promise<void>((resolve) => gates.set(name, resolve));
        events.push(`end ${name}`);
        return `done ${name}`;
      },
    });
    const open = (name: string) => gates.get(name)!();
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: 'a', name: 'gated', arguments: { name: 'a' } },
          { id: 'b', name: 'gated', arguments: { name: 'b' } },
        ],
      },
      'done',
    ]);
    return { events, open, model, agent: new AgentBuilder(model).tool(gated).build() };
  }

  it('runs parallel tool calls with the given concurrency and answers in call order', async () => {
    const { events, open, model, agent } = gatedTool();
    const answer = agent.prompt('go', { toolConcurrency: 2 });
    // Both calls start before either finishes (with one at a time, b would wait for a's gate, which stays shut). The
    // bound only tells a hang from a start.
    await vi.waitFor(() => expect(events).toEqual(['start a', 'start b']), { timeout: 2_000 });
    open('b');
    await vi.waitFor(() => expect(events).toEqual(['start a', 'start b', 'end b']), { timeout: 2_000 });
    open('a');
    expect(await answer).toBe('done');
    expect(events).toEqual(['start a', 'start b', 'end b', 'end a']);
    expect(toolResults(model.calls[1]!.request).map((result) => [result.id, result.content])).toEqual([
      ['a', [{ type: 'text', text: 'done a' }]],
      ['b', [{ type: 'text', text: 'done b' }]],
    ]);
  });

  it('runs tool calls one at a time by default', async () => {
    const { events, open, model, agent } = gatedTool();
    const answer = agent.prompt('go');
    await vi.waitFor(() => expect(events).toEqual(['start a']), { timeout: 2_000 });
    // Give the run every chance to start b: it must not while a is running.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['start a']);
    open('a');
    await vi.waitFor(() => expect(events).toEqual(['start a', 'end a', 'start b']), { timeout: 2_000 });
    open('b');
    expect(await answer).toBe('done');
    expect(toolResults(model.calls[1]!.request).map((result) => result.id)).toEqual(['a', 'b']);
  });

  it('feeds a tool failure back to the model without its internals, and the run recovers', async () => {
    const flaky = tool({
      name: 'flaky',
      description: 'fails',
      parameters: jsonSchema({ type: 'object', properties: {} }),
      execute: () => {
        throw new Error('database password is hunter2');
      },
    });
    const polite = tool({
      name: 'polite',
      description: 'fails politely',
      parameters: jsonSchema({ type: 'object', properties: {} }),
      execute: () => {
        throw new ToolError('The city is not in the catalogue; ask the user for another one.');
      },
    });
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: '1', name: 'flaky' },
          { id: '2', name: 'polite' },
        ],
      },
      'Sorry, I could not find it.',
    ]);
    const agent = new AgentBuilder(model).tools([flaky, polite]).build();
    expect(await agent.prompt('try')).toBe('Sorry, I could not find it.');
    expect(toolResults(model.calls[1]!.request)).toEqual([
      errorResult('1', 'flaky', 'Tool "flaky" failed with an internal error. Try again, or answer without it.'),
      errorResult('2', 'polite', 'The city is not in the catalogue; ask the user for another one.'),
    ]);
    expect(JSON.stringify(model.calls[1]!.request)).not.toContain('hunter2');
  });

  it('tells the model about an unknown tool and invalid arguments', async () => {
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: '1', name: 'teleport', arguments: {} },
          { id: '2', name: 'weather', arguments: { city: 7, unit: 'kelvin' } },
          { id: '3', name: 'time', arguments: {} },
        ],
      },
      'ok',
    ]);
    await new AgentBuilder(model).tools([weather, time]).build().prompt('go');
    const results = toolResults(model.calls[1]!.request).map((result) => (result.content[0] as { text: string }).text);
    expect(results[0]).toBe(toolFeedback.unknownTool('teleport', ['weather', 'time']));
    expect(results[0]).toBe('Tool "teleport" does not exist. Available tools: weather, time.');
    expect(results[1]).toBe(
      'Invalid arguments for tool "weather": /city: must be string; /unit: must be equal to one of the allowed values: "celsius", "fahrenheit". Call it again with arguments that match its schema.',
    );
    expect(results[2]).toBe(
      'Invalid arguments for tool "time": (root): must have required property \'city\'. Call it again with arguments that match its schema.',
    );
  });

  it('fails with max-turns carrying the conversation, before running tools it could not report', async () => {
    let ran = 0;
    const counting = tool({
      name: 'count',
      description: 'counts',
      parameters: jsonSchema({ type: 'object', properties: {} }),
      execute: () => ++ran,
    });
    const model = new MockCompletionModel(() => ({ toolCalls: [{ name: 'count' }] }));
    const error = await new AgentBuilder(model)
      .tool(counting)
      .build()
      .prompt('loop', { maxTurns: 2 })
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'max-turns',
      maxTurns: 2,
      message: 'the agent needs more than 2 model calls (maxTurns): the last answer asked for tools again',
    });
    expect((error as PromptError & { history: Message[] }).history.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(model.calls).toHaveLength(2);
    expect(ran).toBe(1);
  });

  it('lets a tool call be followed by an answer by default', async () => {
    expect(DEFAULT_MAX_TURNS).toBe(5);
    const model = new MockCompletionModel([{ toolCalls: [{ name: 'weather', arguments: { city: 'Oslo' } }] }, 'Cold.']);
    expect(await new AgentBuilder(model).tool(weather).build().prompt('Oslo?')).toBe('Cold.');
  });

  it('cancels a slow tool promptly on abort, rejecting with the signal’s reason', async () => {
    let toolSignal: AbortSignal | undefined;
    const slow = tool({
      name: 'slow',
      description: 'never ends',
      parameters: jsonSchema({ type: 'object', properties: {} }),
      execute: (_args, context) => {
        toolSignal = context.signal;
        return new Promise(() => undefined);
      },
    });
    const controller = new AbortController();
    const model = new MockCompletionModel([{ toolCalls: [{ name: 'slow' }] }]);
    const pending = new AgentBuilder(model).tool(slow).build().prompt('go', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const reason = new Error('user left');
    controller.abort(reason);
    const error = await pending.catch((caught: unknown) => caught);
    // Promptly: the tool never settles, so without the abort this would never end (room left for a loaded CI machine).
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBe(reason);
    expect(toolSignal?.aborted).toBe(true);
  });

  it('cancels the model call itself', async () => {
    const controller = new AbortController();
    const model = new MockCompletionModel([{ text: 'late', latencyMs: 5000 }]);
    const pending = new AgentBuilder(model).build().prompt('go', { signal: controller.signal });
    setTimeout(() => controller.abort('stop'), 20);
    await expect(pending).rejects.toBe('stop');
  });

  it('wraps a model failure in a completion PromptError', async () => {
    const failure = new CompletionError({ kind: 'http', message: 'HTTP 500', status: 500 });
    const error = await new AgentBuilder(new MockCompletionModel([{ error: failure }]))
      .build()
      .prompt('go')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'completion', cause: failure });
  });

  it('passes caller context to tools without showing it to the model', async () => {
    let seen: unknown;
    const whoami = tool({
      name: 'whoami',
      description: 'the user',
      parameters: jsonSchema({ type: 'object', properties: {} }),
      execute: (_args, context) => (seen = context.context) && 'ok',
    });
    const model = new MockCompletionModel([{ toolCalls: [{ name: 'whoami' }] }, 'hello']);
    await new AgentBuilder<{ userId: string }>(model)
      .tool(whoami)
      .build()
      .prompt('who?', { context: { userId: 'u-42' } });
    expect(seen).toEqual({ userId: 'u-42' });
    expect(JSON.stringify(model.calls.map((call) => call.request))).not.toContain('u-42');
  });

  it('chats after a history it leaves unchanged, with static context documents', async () => {
    const model = new MockCompletionModel(['answer']);
    const history = [Message.user('Previous context')];
    const agent = new AgentBuilder(model).context('Rust is fast.').context({ id: 'guide', text: 'Be kind.' }).build();
    expect(await agent.chat('Continue the discussion', history)).toBe('answer');
    expect(history).toEqual([Message.user('Previous context')]);
    expect(model.calls[0]?.request).toMatchObject({
      chatHistory: [Message.user('Previous context'), Message.user('Continue the discussion')],
      documents: [
        { id: 'static_doc_0', text: 'Rust is fast.' },
        { id: 'guide', text: 'Be kind.' },
      ],
    });
  });

  it('gives pre-filled request builders the caller may override', async () => {
    const model = new MockCompletionModel(['one', 'two']);
    const agent = new AgentBuilder(model)
      .preamble('P')
      .tool(time)
      .temperature(0.5)
      .maxTokens(10)
      .additionalParams({ seed: 1 })
      .build();
    const builder = await agent.completion('hi', [Message.user('before')]);
    const request = builder.temperature(0.9).build();
    expect(request).toMatchObject({
      preamble: 'P',
      temperature: 0.9,
      maxTokens: 10,
      additionalParams: { seed: 1 },
      tools: [{ name: 'time' }],
      chatHistory: [Message.user('before'), Message.user('hi')],
    });
    await builder.send();
    const stream = await (await agent.streamCompletion('hi', [])).stream();
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'two' }]);
  });

  it('keeps the output schema description in pre-filled request builders, as in the run requests', async () => {
    const model = new MockCompletionModel(['{}']);
    const agent = new AgentBuilder(model)
      .outputSchema({ name: 'Answer', description: 'The answer to give', jsonSchema: { type: 'object' } })
      .build();
    const request = (await agent.completion('hi', [])).build();
    expect(request.outputSchema).toEqual({
      name: 'Answer',
      description: 'The answer to give',
      schema: { type: 'object' },
    });
    await agent.prompt('hi');
    expect(model.calls[0]?.request.outputSchema).toEqual(request.outputSchema);
  });

  it('refuses bad builder settings', () => {
    const builder = new AgentBuilder(new MockCompletionModel([])).tool(time).tool(time);
    expect(() => builder.build()).toThrow('tool "time" is declared twice');
    expect(() => new AgentBuilder(new MockCompletionModel([])).defaultMaxTurns(0)).toThrow(
      'defaultMaxTurns must be an integer of at least 1 (got 0)',
    );
  });

  it("refuses a tool whose parameters are a plain JSON Schema (no validator, and ajv is the app's own import)", () => {
    const plain = {
      name: 'plain',
      description: 'plain',
      parameters: { type: 'object', properties: {} },
      execute: () => 'ok',
    } as unknown as Tool;
    const builder = new AgentBuilder(new MockCompletionModel([])).tool(plain);
    const error = requestError(() => builder.build());
    expect(error).toMatchObject({
      kind: 'request',
      path: 'tools[0].parameters',
      message:
        'tool "plain": parameters must be a TypedSchema; wrap a plain JSON Schema with jsonSchema(schema) from @rig-ts/typed/ajv, or generate one with rig-schema',
    });
  });
});
