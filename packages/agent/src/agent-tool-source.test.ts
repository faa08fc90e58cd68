import { CompletionError, Message, PromptError, type CompletionRequest } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { tool, type Tool } from './tool.js';
import { toolFeedback } from './tool-feedback.js';
import type { ToolSource, ToolSourceEvent } from './tool-source.js';
import { SentimentAnalysis } from '@rig-ts/test-schemas';
import { errorResult, lastResults } from './test-utils/tool-results.js';

const noArguments = jsonSchema({ type: 'object', properties: {} });

function offered(request: CompletionRequest): string[] {
  return request.tools.map((definition) => definition.name);
}

/** A tool that records its calls in `ran`. */
function recordingTool(name: string, ran: string[]): Tool {
  return tool({
    name,
    description: `the ${name} tool`,
    parameters: noArguments,
    execute: () => (ran.push(name), `${name} ran`),
  });
}

/** A source that gives `perTurn[turn - 1]` and records every event. */
function scriptedSource(perTurn: readonly (readonly Tool[])[]): { source: ToolSource; events: ToolSourceEvent[] } {
  const events: ToolSourceEvent[] = [];
  return {
    events,
    source: (event) => {
      events.push(event);
      return perTurn[event.turn - 1] ?? [];
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<PromptError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(PromptError.isInstance(error)).toBe(true);
  return error as PromptError;
}

describe('tools chosen per turn by a tool source', () => {
  it('is called before each model call with the conversation, the turn, a signal and the context; only the turn’s tools run', async () => {
    const ran: string[] = [];
    const always = recordingTool('always', ran);
    const first = recordingTool('first', ran);
    const second = recordingTool('second', ran);
    const { source, events } = scriptedSource([[first], [second], []]);
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: 'call_1', name: 'first' },
          { id: 'call_2', name: 'always' },
        ],
      },
      // `first` was offered on turn 1 only: on turn 2 it is an unknown tool, and is not run.
      {
        toolCalls: [
          { id: 'call_3', name: 'first' },
          { id: 'call_4', name: 'second' },
        ],
      },
      'done',
    ]);
    const agent = new AgentBuilder<{ user: string }>(model).tool(always).toolSource(source).build();

    expect(await agent.prompt('Work.', { context: { user: 'ada' } })).toBe('done');

    expect(model.requests.map(offered)).toEqual([['always', 'first'], ['always', 'second'], ['always']]);
    expect(model.requests[0]!.tools[1]).toEqual({
      name: 'first',
      description: 'the first tool',
      parameters: { type: 'object', properties: {} },
    });
    expect(ran).toEqual(['first', 'always', 'second']);
    expect(lastResults(model.requests[2]!)).toEqual([
      errorResult('call_3', 'first', toolFeedback.unknownTool('first', ['always', 'second'])),
      { type: 'tool-result', id: 'call_4', name: 'second', content: [{ type: 'text', text: 'second ran' }] },
    ]);
    expect(toolFeedback.unknownTool('first', ['always', 'second'])).toBe(
      'Tool "first" does not exist. Available tools: always, second.',
    );

    expect(events.map((event) => event.turn)).toEqual([1, 2, 3]);
    expect(events.map((event) => event.context)).toEqual([{ user: 'ada' }, { user: 'ada' }, { user: 'ada' }]);
    expect(events[0]!.messages).toEqual([Message.user('Work.')]);
    for (const [index, event] of events.entries()) {
      expect(event.messages).toEqual(model.requests[index]!.chatHistory);
      expect(event.signal).toBeInstanceOf(AbortSignal);
      expect(event.signal.aborted).toBe(false);
    }
    // Each event has its own copy of the conversation.
    expect(events[0]!.messages).toHaveLength(1);
    expect(events[2]!.messages).toHaveLength(5);
  });

  it('sees the history of chat, and works the same for streamPrompt, streamChat and promptTyped', async () => {
    const ran: string[] = [];
    const lookup = recordingTool('lookup', ran);
    const history = [Message.user('Hi.'), Message.assistant('Hello.')];

    const chatSource = scriptedSource([[lookup], []]);
    const chatModel = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'lookup' }] }, 'chat done']);
    expect(await new AgentBuilder(chatModel).toolSource(chatSource.source).build().chat('Look it up.', history)).toBe(
      'chat done',
    );
    expect(chatSource.events[0]!.messages).toEqual([...history, Message.user('Look it up.')]);
    expect(chatModel.requests.map(offered)).toEqual([['lookup'], []]);

    for (const streaming of ['streamPrompt', 'streamChat'] as const) {
      const { source, events } = scriptedSource([[lookup], []]);
      const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'lookup' }] }, 'streamed done']);
      const agent = new AgentBuilder(model).toolSource(source).build();
      const stream =
        streaming === 'streamPrompt'
          ? await agent.streamPrompt('Look it up.')
          : await agent.streamChat('Look it up.', history);
      const items: string[] = [];
      for await (const item of stream) items.push(item.type);
      expect((await stream.final).choice).toEqual([{ type: 'text', text: 'streamed done' }]);
      expect(items).toContain('tool-result');
      expect(model.calls.map((call) => call.method)).toEqual(['stream', 'stream']);
      expect(model.requests.map(offered)).toEqual([['lookup'], []]);
      expect(events.map((event) => event.turn)).toEqual([1, 2]);
      expect(events[1]!.messages).toEqual(model.requests[1]!.chatHistory);
    }

    // A typed run over a provider whose structured output composes with tools (native mode).
    const typedSource = scriptedSource([[lookup], []]);
    const typedModel = new MockCompletionModel(
      [{ toolCalls: [{ id: 'call_1', name: 'lookup' }] }, '{"score":0.5,"label":"fine"}'],
      { provider: 'openai' },
    );
    const typed = await new AgentBuilder(typedModel)
      .toolSource(typedSource.source)
      .build()
      .promptTyped(SentimentAnalysis, 'How is it?');
    expect(typed).toEqual({ score: 0.5, label: 'fine' });
    expect(typedModel.requests.map(offered)).toEqual([['lookup'], []]);
    expect(typedModel.requests[0]!.outputSchema?.name).toBe('SentimentAnalysis');
    expect(ran).toEqual(['lookup', 'lookup', 'lookup', 'lookup']);
  });

  it('counts as tools for the output mode: `auto` asks through the output tool, offered after the turn’s tools', async () => {
    const lookup = recordingTool('lookup', []);
    const { source } = scriptedSource([[lookup], []]);
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'lookup' }] },
      { toolCalls: [{ id: 'call_2', name: 'final_answer', arguments: { score: 1, label: 'great' } }] },
    ]);
    const value = await new AgentBuilder(model).toolSource(source).build().promptTyped(SentimentAnalysis, 'How is it?');
    expect(value).toEqual({ score: 1, label: 'great' });
    expect(model.requests.map(offered)).toEqual([['lookup', 'final_answer'], ['final_answer']]);
    expect(model.requests[0]!.outputSchema).toBeUndefined();
  });

  it('keeps several sources in the order added, after the static tools', async () => {
    const ran: string[] = [];
    const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'b' }] }, 'done']);
    const agent = new AgentBuilder(model)
      .tool(recordingTool('static', ran))
      .toolSource(() => [recordingTool('a', ran)])
      .toolSource(async () => [recordingTool('b', ran), recordingTool('c', ran)])
      .build();
    expect(await agent.prompt('go')).toBe('done');
    expect(model.requests.map(offered)).toEqual([
      ['static', 'a', 'b', 'c'],
      ['static', 'a', 'b', 'c'],
    ]);
    expect(ran).toEqual(['b']);
  });

  it('refuses a source that is not a function in the builder', () => {
    const error = requestError(() => new AgentBuilder(new MockCompletionModel([])).toolSource([] as never));
    expect(error).toMatchObject({
      kind: 'request',
      path: 'toolSource',
      message: 'toolSource() takes a function that returns the tools of a turn',
    });
  });
});

describe('a tool source that misbehaves fails the run with a tool PromptError carrying the conversation', () => {
  const echo = recordingTool('echo', []);
  const other = recordingTool('other', []);
  it.each([
    ['a static tool', [echo], [[[other], [echo]]], "by the agent's tools and by the tool source"],
    ['the same source', [], [[[other], [echo, echo]]], 'twice by the tool source'],
    [
      'another source',
      [],
      [
        [[other], [echo]],
        [[], [echo]],
      ],
      'by tool source 1 and by tool source 2',
    ],
  ] as const)('a name a source gives on a later turn that %s also gives', async (_name, tools, sources, where) => {
    const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'other' }] }, 'never']);
    const builder = new AgentBuilder(model).tools(tools);
    for (const perTurn of sources) builder.toolSource(scriptedSource(perTurn).source);
    const error = await rejection(builder.build().prompt('go'));
    expect(error).toMatchObject({
      kind: 'tool',
      toolName: 'echo',
      message: `tool "echo" is offered twice on turn 2, ${where}: tool names must be unique on a turn (rename one, or give an MCP server a prefix)`,
    });
    expect(error.cause).toBeUndefined();
    expect(error.history).toHaveLength(3);
    expect(error.history![0]).toEqual(Message.user('go'));
    expect(lastResults({ chatHistory: error.history } as unknown as CompletionRequest)).toEqual([
      { type: 'tool-result', id: 'call_1', name: 'other', content: [{ type: 'text', text: 'other ran' }] },
    ]);
    expect(model.calls).toHaveLength(1);
  });

  it('a tool named like the run’s output tool is a clash', async () => {
    const model = new MockCompletionModel(['never']);
    const impostor = recordingTool('final_answer', []);
    const error = await rejection(
      new AgentBuilder(model)
        .outputSchema(SentimentAnalysis)
        .toolSource(() => [impostor])
        .build()
        .prompt('go'),
    );
    expect(error).toMatchObject({
      kind: 'tool',
      toolName: 'final_answer',
      message:
        'tool "final_answer" is offered twice on turn 1, by the output tool of this run and by the tool source: tool names must be unique on a turn (rename one, or give an MCP server a prefix)',
      history: [Message.user('go')],
    });
    expect(model.calls).toHaveLength(0);
  });

  it('a source that throws: toolName `toolSource`, its exception as cause', async () => {
    const thrown = new Error('the vector index is down');
    const model = new MockCompletionModel(['never']);
    const error = await rejection(
      new AgentBuilder(model)
        .toolSource(() => {
          throw thrown;
        })
        .build()
        .prompt('go'),
    );
    expect(error).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message: 'the tool source failed on turn 1: the vector index is down',
      history: [Message.user('go')],
    });
    expect(error.cause).toBe(thrown);
    expect(model.calls).toHaveLength(0);

    const rejected = await rejection(
      new AgentBuilder(model)
        .toolSource(() => Promise.reject('no'))
        .build()
        .prompt('go'),
    );
    expect(rejected).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message: 'the tool source failed on turn 1: no',
    });
    expect(rejected.cause).toBe('no');
  });

  it('a PromptError the source throws ends the run as it is', async () => {
    const stop = new PromptError({ kind: 'cancelled', message: 'enough', reason: 'enough' });
    const error = await rejection(
      new AgentBuilder(new MockCompletionModel(['never']))
        .toolSource(() => {
          throw stop;
        })
        .build()
        .prompt('go'),
    );
    expect(error).toBe(stop);
  });

  it.each([
    ['undefined', undefined, 'nothing'],
    ['null', null, 'null'],
    ['an object', { tools: [] }, 'an object'],
    ['a string', 'echo', 'a string of 4 characters'],
    ['a Set', new Set(), 'an object'],
    ['a number', 3, '3'],
  ])('a source that returns %s instead of an array', async (_name, returned, described) => {
    const model = new MockCompletionModel(['never']);
    const error = await rejection(
      new AgentBuilder(model)
        .toolSource(async () => returned as never)
        .build()
        .prompt('go'),
    );
    expect(error).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message: `the tool source must return an array of tools (or a promise of one), but returned ${described} on turn 1`,
      history: [Message.user('go')],
    });
    expect(model.calls).toHaveLength(0);
  });

  const answer = (): string => 'x';
  it.each<[string, unknown, string, string]>([
    [
      'no execute',
      { name: 'broken', description: 'x', parameters: noArguments },
      'broken',
      'tool "broken" has no execute function',
    ],
    [
      'no name',
      { description: 'x', parameters: noArguments, execute: answer },
      'toolSource[1]',
      'toolSource[1] has no name',
    ],
    [
      'a plain JSON Schema',
      { name: 'plain', description: 'x', parameters: { type: 'object' }, execute: answer },
      'plain',
      'tool "plain": parameters must be a TypedSchema',
    ],
    ['not an object', 'echo', 'toolSource[1]', 'toolSource[1] is not a tool object'],
    [
      'a hostile Proxy',
      new Proxy(
        {},
        {
          get() {
            throw new Error('hostile');
          },
        },
      ),
      'toolSource[1]',
      'hostile',
    ],
  ])('a source that gives a tool with %s', async (_name, broken, toolName, reason) => {
    const model = new MockCompletionModel(['never']);
    const error = await rejection(
      new AgentBuilder(model)
        .toolSource(() => [recordingTool('fine', []), broken as never])
        .build()
        .prompt('go'),
    );
    expect(error).toMatchObject({ kind: 'tool', toolName });
    expect(error.message).toContain(`the tool source gave a tool that is not one on turn 1: ${reason}`);
    if (reason === 'hostile') expect(error.cause).toMatchObject({ message: 'hostile' });
    else expect(error.cause).toSatisfy(CompletionError.isInstance);
    if (reason !== 'hostile') expect(error.cause).toMatchObject({ kind: 'request' });
    expect(model.calls).toHaveLength(0);
  });
});

describe('a tool source that never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is cancelled by the run’s signal: its signal aborts with the caller’s reason and the run rejects with it', async () => {
    const seen: AbortSignal[] = [];
    const model = new MockCompletionModel(['never']);
    const agent = new AgentBuilder(model)
      .toolSource(({ signal }) => {
        seen.push(signal);
        return new Promise(() => undefined);
      })
      .build();
    for (const [index, run] of (['prompt', 'streamPrompt'] as const).entries()) {
      const controller = new AbortController();
      const pending =
        run === 'prompt'
          ? agent.prompt('go', { signal: controller.signal })
          : agent.streamPrompt('go', { signal: controller.signal }).then((stream) => stream.final);
      while (seen.length <= index) await new Promise((resolve) => setTimeout(resolve, 1));
      controller.abort('user left');
      await expect(pending).rejects.toBe('user left');
      expect(seen[index]!.aborted).toBe(true);
      expect(seen[index]!.reason).toBe('user left');
    }
    expect(model.calls).toHaveLength(0);
  });

  it('is stopped by cancel() on an agent stream', async () => {
    let seen: AbortSignal | undefined;
    const stream = await new AgentBuilder(new MockCompletionModel(['never']))
      .toolSource(({ signal }) => {
        seen = signal;
        return new Promise(() => undefined);
      })
      .build()
      .streamPrompt('go');
    const reading = stream.final.catch((caught: unknown) => caught);
    while (!seen) await new Promise((resolve) => setTimeout(resolve, 1));
    const reason = new Error('closed the tab');
    stream.cancel(reason);
    expect(await reading).toBe(reason);
    expect(seen.reason).toBe(reason);
  });

  it('is bounded by the agent’s tool time limit: its signal aborts with a TimeoutError and the run fails with a tool PromptError', async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const model = new MockCompletionModel(['never']);
    const pending = new AgentBuilder(model)
      .toolTimeoutMs(5_000)
      .toolSource(({ signal }) => {
        seen = signal;
        return new Promise(() => undefined);
      })
      .build()
      .prompt('go');
    const settled = pending.catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await settled) as PromptError;
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message: 'the tool source did not give the tools of turn 1 within 5000 ms (toolTimeoutMs)',
      history: [Message.user('go')],
    });
    expect(error.cause).toBe(seen!.reason);
    expect(seen!.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'the tool source did not give the tools of turn 1 within 5000 ms',
    });
    expect(model.calls).toHaveLength(0);
  });

  it('waits as long as it takes with toolTimeoutMs Infinity, and by default 60 s', async () => {
    vi.useFakeTimers();
    const slowSource: ToolSource = () => new Promise((resolve) => setTimeout(() => resolve([]), 10 * 60_000));
    const unlimited = new AgentBuilder(new MockCompletionModel(['ok']))
      .toolTimeoutMs(Infinity)
      .toolSource(slowSource)
      .build()
      .prompt('go');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await unlimited).toBe('ok');

    const byDefault = new AgentBuilder(new MockCompletionModel(['ok'])).toolSource(slowSource).build().prompt('go');
    const settled = byDefault.catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled).toMatchObject({
      kind: 'tool',
      message: 'the tool source did not give the tools of turn 1 within 60000 ms (toolTimeoutMs)',
    });
  });
});
