import { AgentBuilder, tool, type PromptResponse } from '@rig-ts/agent';
import { CompletionError, PromptError } from '@rig-ts/core';
import * as openai from '@rig-ts/openai';
import { MockCompletionModel } from '@rig-ts/testkit';
import { context, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpanNode } from './test-utils/otel-harness.js';
import type { TracingOptions } from './tracing-options.js';
import { useTracedSimulator } from './test-utils/use-traced-simulator.js';
import { tracingHook } from './tracing-hook.js';
import { withTraceParent } from './trace-parent.js';
import { jsonSchema } from '@rig-ts/typed/ajv';

const setup = useTracedSimulator();
afterEach(() => vi.useRealTimers());

/** Two tools that each wait until the other has started: they can only finish when they run at the same time. */
function concurrentTools() {
  let weatherStarted!: () => void;
  let clockStarted!: () => void;
  const weatherRunning = new Promise<void>((resolve) => (weatherStarted = resolve));
  const clockRunning = new Promise<void>((resolve) => (clockStarted = resolve));
  const parameters = jsonSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
  // Says it has started, then answers `answer` once `other` has started too.
  const waitingTool = (name: string, description: string, answer: string, started: () => void, other: Promise<void>) =>
    tool({
      name,
      description,
      parameters,
      execute: async () => {
        started();
        await other;
        return answer;
      },
    });
  return [
    waitingTool('weather', 'The weather in a city', 'rainy', weatherStarted, clockRunning),
    waitingTool('clock', 'The time in a city', '10:00', clockStarted, weatherRunning),
  ];
}

function agentWith(
  options: {
    hook?: Parameters<typeof tracingHook>[0];
    model?: TracingOptions | false;
    toolSource?: boolean;
  } = {},
) {
  const model =
    options.model === false
      ? new openai.Client({ apiKey: 'sk-test', baseURL: setup.simulator.baseURLs.openai }).completionModel('gpt-4o')
      : setup.tracedGpt4o(options.model);
  const builder = new AgentBuilder(model)
    .name('weather-bot')
    .description('Answers about the weather')
    .preamble('Be brief.')
    .temperature(0.2);
  if (options.toolSource) builder.toolSource(() => concurrentTools());
  else builder.tools(concurrentTools());
  return builder
    .hook(
      tracingHook({
        tracerProvider: setup.harness.tracerProvider,
        meterProvider: setup.harness.meterProvider,
        ...options.hook,
      }),
    )
    .build();
}

const PROMPT = 'What do weather and clock say for Paris?';

function chatSpan(call: PromptResponse['calls'][number], finishReason: string, streaming: boolean): SpanNode {
  return {
    name: 'chat gpt-4o',
    kind: 'CLIENT',
    status: { code: 'UNSET' },
    attributes: {
      ...setup.chatAttributes(),
      'gen_ai.request.temperature': 0.2,
      ...(streaming
        ? { 'gen_ai.request.stream': true, 'gen_ai.response.time_to_first_chunk': expect.any(Number) }
        : {}),
      'gen_ai.response.id': call.id!,
      'gen_ai.response.model': 'gpt-4o',
      'gen_ai.response.finish_reasons': [finishReason],
      'gen_ai.usage.input_tokens': call.usage.promptTokens,
      'gen_ai.usage.output_tokens': call.usage.completionTokens,
      'gen_ai.usage.cache_read.input_tokens': 0,
      'gen_ai.usage.reasoning.output_tokens': 0,
    },
    events: [],
    children: [],
  };
}

function toolSpan(name: string, description: string, callId: string): SpanNode {
  return {
    name: `execute_tool ${name}`,
    kind: 'INTERNAL',
    status: { code: 'UNSET' },
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': name,
      'gen_ai.tool.call.id': callId,
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.description': description,
    },
    events: [],
    children: [],
  };
}

/** The call ids the agent sent back with the tool results (the second request's `function_call_output` items). */
function toolResultCallIds(): string[] {
  const input = setup.simulator.requests[1]!.body as { input: { type: string; call_id?: string }[] };
  return input.input.filter((item) => item.type === 'function_call_output').map((item) => item.call_id!);
}

describe('tracingHook(): an agent run with two concurrent tools', () => {
  it('makes invoke_agent → chat, execute_tool ×2 (concurrent, each its own child), chat — parents passed explicitly, no context manager', async () => {
    const agent = agentWith();
    const result = await agent.prompt(PROMPT, { toolConcurrency: 2, extendedDetails: true });
    expect(result.output).toBe('The weather tool returned: rainy\nThe clock tool returned: 10:00');
    const [weatherId, clockId] = toolResultCallIds();
    expect(setup.harness.tree()).toEqual([
      {
        name: 'invoke_agent weather-bot',
        kind: 'INTERNAL',
        status: { code: 'UNSET' },
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.agent.name': 'weather-bot',
          'gen_ai.agent.description': 'Answers about the weather',
          'gen_ai.request.temperature': 0.2,
          'gen_ai.usage.input_tokens': result.usage.promptTokens,
          'gen_ai.usage.output_tokens': result.usage.completionTokens,
          'gen_ai.usage.cache_read.input_tokens': 0,
          'gen_ai.usage.reasoning.output_tokens': 0,
          'gen_ai.response.finish_reasons': ['stop'],
        },
        events: [],
        children: [
          chatSpan(result.calls[0]!, 'tool_call', false),
          toolSpan('weather', 'The weather in a city', weatherId!),
          toolSpan('clock', 'The time in a city', clockId!),
          chatSpan(result.calls[1]!, 'stop', false),
        ],
      },
    ]);
    const spans = setup.harness.spans();
    const [weather, clock] = ['execute_tool weather', 'execute_tool clock'].map((name) =>
      spans.find((span) => span.name === name)!,
    );
    const nanos = (time: [number, number]) => time[0] * 1e9 + time[1];
    expect(nanos(clock!.startTime)).toBeLessThan(nanos(weather!.endTime));
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
  });

  it('a streamed run gives the same tree, its model calls streamed', async () => {
    const agent = agentWith();
    const stream = await agent.streamPrompt(PROMPT, { toolConcurrency: 2 });
    const kinds: string[] = [];
    for await (const item of stream) kinds.push(item.type);
    expect(kinds.filter((kind) => kind === 'tool-result')).toHaveLength(2);
    const tree = setup.harness.tree();
    expect(tree).toHaveLength(1);
    expect(tree[0]!.name).toBe('invoke_agent weather-bot');
    expect(tree[0]!.status).toEqual({ code: 'UNSET' });
    expect(
      tree[0]!.children.map((child) => [
        child.name,
        child.attributes['gen_ai.request.stream'] ?? false,
        child.attributes['gen_ai.response.finish_reasons'],
      ]),
    ).toEqual([
      ['chat gpt-4o', true, ['tool_call']],
      ['execute_tool weather', false, undefined],
      ['execute_tool clock', false, undefined],
      ['chat gpt-4o', true, ['stop']],
    ]);
  });

  it('describes a tool that a tool source offered on the turn, as it does a static one', async () => {
    const agent = agentWith({ toolSource: true });
    await agent.prompt(PROMPT, { toolConcurrency: 2 });
    const [run] = setup.harness.tree();
    const tools = run!.children.filter((child) => child.name.startsWith('execute_tool'));
    expect(tools.map((child) => [child.name, child.attributes['gen_ai.tool.description']])).toEqual([
      ['execute_tool weather', 'The weather in a city'],
      ['execute_tool clock', 'The time in a city'],
    ]);
  });

  it('traces the model calls of an agent whose model is not traced(), with the hook’s options', async () => {
    const agent = agentWith({ model: false });
    await agent.prompt(PROMPT, { toolConcurrency: 2 });
    const [run] = setup.harness.tree();
    expect(run!.children.map((child) => child.name)).toEqual([
      'chat gpt-4o',
      'execute_tool weather',
      'execute_tool clock',
      'chat gpt-4o',
    ]);
    expect(run!.children[0]!.attributes['server.address']).toBeUndefined();
  });

  it('records tool arguments and results, and the run’s messages, only with captureContent', async () => {
    const agent = agentWith({ hook: { captureContent: true } });
    await agent.prompt(PROMPT, { toolConcurrency: 2 });
    const [run] = setup.harness.tree();
    expect(JSON.parse(run!.attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: PROMPT }] },
    ]);
    expect(JSON.parse(run!.attributes['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'Be brief.' },
    ]);
    expect(JSON.parse(run!.attributes['gen_ai.tool.definitions'] as string)).toEqual([
      { type: 'function', name: 'weather', description: 'The weather in a city' },
      { type: 'function', name: 'clock', description: 'The time in a city' },
    ]);
    expect(JSON.parse(run!.attributes['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'The weather tool returned: rainy\nThe clock tool returned: 10:00' }],
        finish_reason: 'stop',
      },
    ]);
    const tools = run!.children.filter((child) => child.name.startsWith('execute_tool'));
    expect(
      tools.map((child) => [
        child.attributes['gen_ai.tool.call.arguments'],
        child.attributes['gen_ai.tool.call.result'],
      ]),
    ).toEqual([
      // The simulator takes the city from the prompt.
      ['{"city":"Paris"}', '"rainy"'],
      ['{"city":"Paris"}', '"10:00"'],
    ]);
    // The model spans follow their own traced() options: content off.
    expect(run!.children[0]!.attributes['gen_ai.input.messages']).toBeUndefined();
  });
});

describe('tracingHook(): failures', () => {
  it('a tool that throws: execute_tool gets error.type tool_error; the run goes on', async () => {
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'boom', arguments: {} }] },
      'recovered',
    ]);
    const boom = tool({
      name: 'boom',
      description: 'fails',
      parameters: jsonSchema({ type: 'object' }),
      execute: () => Promise.reject(new Error('disk full')),
    });
    const agent = new AgentBuilder(model)
      .tool(boom)
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider }))
      .build();
    expect(await agent.prompt('x')).toBe('recovered');
    const [run] = setup.harness.tree();
    expect(run!.name).toBe('invoke_agent');
    expect(run!.children.map((child) => [child.name, child.status, child.attributes['error.type']])).toEqual([
      ['chat mock-model', { code: 'UNSET' }, undefined],
      ['execute_tool boom', { code: 'ERROR' }, 'tool_error'],
      ['chat mock-model', { code: 'UNSET' }, undefined],
    ]);
    expect(JSON.stringify(setup.harness.tree())).not.toContain('disk full');
  });

  it('a failed model call fails both its span and the run’s', async () => {
    const failure = new CompletionError({ kind: 'http', message: 'Mock answered with HTTP 503', status: 503 });
    const agent = new AgentBuilder(new MockCompletionModel([{ error: failure }]))
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider }))
      .build();
    const error = await agent.prompt('x').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    // Each span ends with the model's 503: its status, error.type and exception event say so.
    const failedSpan = (name: string, kind: string, operation: string, exceptionType: string, children: unknown[]) => ({
      name,
      kind,
      status: { code: 'ERROR', message: 'Mock answered with HTTP 503' },
      attributes: {
        'gen_ai.operation.name': operation,
        'gen_ai.provider.name': 'mock',
        'gen_ai.request.model': 'mock-model',
        'error.type': '503',
      },
      events: [
        {
          name: 'exception',
          attributes: { 'exception.type': exceptionType, 'exception.message': 'Mock answered with HTTP 503' },
        },
      ],
      children,
    });
    expect(setup.harness.tree()).toEqual([
      failedSpan('invoke_agent', 'INTERNAL', 'invoke_agent', 'PromptError.Completion', [
        failedSpan('chat mock-model', 'CLIENT', 'chat', 'CompletionError.Http', []),
      ]),
    ]);
  });

  it('a streamed run its consumer cancels ends its span, and the model call’s, as cancelled', async () => {
    const agent = new AgentBuilder(new MockCompletionModel([{ text: 'one two three four', delayMs: 5 }]))
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider }))
      .build();
    const stream = await agent.streamPrompt('x');
    for await (const item of stream) if (item.type === 'text') break;
    const [run] = setup.harness.tree();
    expect([run!.status, run!.attributes['error.type']]).toEqual([
      { code: 'ERROR', message: 'the streamed run was cancelled by its consumer' },
      'cancelled',
    ]);
    expect(run!.children.map((child) => [child.name, child.attributes['error.type']])).toEqual([
      ['chat mock-model', 'cancelled'],
    ]);
  });

  it('a streamed run nobody reads is ended as abandoned after abandonAfterMs without activity', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const agent = new AgentBuilder(new MockCompletionModel(['never read']))
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider, abandonAfterMs: 1000 }))
      .build();
    const stream = await agent.streamPrompt('x');
    vi.advanceTimersByTime(999);
    expect(setup.harness.spans()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(setup.harness.tree()).toEqual([
      {
        name: 'invoke_agent',
        kind: 'INTERNAL',
        status: {
          code: 'ERROR',
          message:
            "the run's stream was neither read to its end, nor cancelled, nor failed, and had no activity for 1000 ms",
        },
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.provider.name': 'mock',
          'gen_ai.request.model': 'mock-model',
          'error.type': 'abandoned',
        },
        events: [],
        children: [],
      },
    ]);
    stream.cancel();
  });
});

describe('tracingHook(): a blocking run', () => {
  it('is never ended as abandoned, however long a hook keeps it waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let approve!: () => void;
    const approval = new Promise<void>((resolve) => (approve = resolve));
    const agent = new AgentBuilder(new MockCompletionModel(['approved answer']))
      .hook({ beforeCompletion: () => approval.then(() => undefined) })
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider, abandonAfterMs: 1000 }))
      .build();
    const answer = agent.prompt('x');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(setup.harness.spans()).toHaveLength(0);
    approve();
    expect(await answer).toBe('approved answer');
    expect(
      setup.harness.tree().map((node) => [node.name, node.status, node.children.map((child) => child.name)]),
    ).toEqual([['invoke_agent', { code: 'UNSET' }, ['chat mock-model']]]);
  });
});

describe('tracingHook(): explicit parents', () => {
  it('withTraceParent in the run options parents the run; without it the run is a root', async () => {
    const tracer = setup.harness.tracerProvider.getTracer('app');
    const request = tracer.startSpan('POST /chat');
    const agent = new AgentBuilder(new MockCompletionModel(['a', 'b']))
      .hook(tracingHook({ tracerProvider: setup.harness.tracerProvider }))
      .build();
    await agent.prompt('x', withTraceParent(trace.setSpan(context.active(), request)));
    request.end();
    await agent.prompt('y');
    const tree = setup.harness.tree();
    expect(
      tree.map((root) => [
        root.name,
        root.children.map((child) => [child.name, child.children.map((grandchild) => grandchild.name)]),
      ]),
    ).toEqual([
      ['POST /chat', [['invoke_agent', ['chat mock-model']]]],
      ['invoke_agent', [['chat mock-model', []]]],
    ]);
  });
});
