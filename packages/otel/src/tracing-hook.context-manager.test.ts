// With an async context manager registered (as the Node SDK does), the explicit parents must agree with the active
// context: the run is the child of the span active where it started, and spans started inside a tool or inside the
// model call (an HTTP instrumentation's) are children of the tool's and the call's spans. Its own file: registering
// a global context manager would change the other files' conditions.
import { AgentBuilder, tool } from '@rig-ts/agent';
import {
  BaseCompletionModel,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';
import { tracingHook } from './tracing-hook.js';
import { jsonSchema } from '@rig-ts/typed/ajv';

let harness: OtelHarness;
const manager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(manager.enable());
});
afterAll(() => {
  context.disable();
});
beforeEach(() => {
  harness = new OtelHarness();
});

/** A model that opens a span where an HTTP instrumentation would, from the active context. */
class InstrumentedTransportModel extends BaseCompletionModel {
  readonly provider = 'mock';
  readonly #inner = new MockCompletionModel((call) =>
    call.index === 0
      ? {
          toolCalls: [
            { id: 'call_a', name: 'lookup', arguments: { key: 'a' } },
            { id: 'call_b', name: 'lookup', arguments: { key: 'b' } },
          ],
        }
      : 'done',
  );

  constructor() {
    super('mock-model');
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse> {
    return harness.tracerProvider.getTracer('http').startActiveSpan('POST', async (span) => {
      try {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return await this.#inner.completion(request, options);
      } finally {
        span.end();
      }
    });
  }

  stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    return this.#inner.stream(request, options);
  }
}

describe('with an AsyncLocalStorage context manager', () => {
  it('nests the run under the active span, and the spans of tools and of the transport under theirs', async () => {
    const tracer = harness.tracerProvider.getTracer('app');
    const lookup = tool({
      name: 'lookup',
      description: 'Looks a key up',
      parameters: jsonSchema<{ key: string }>({
        type: 'object',
        properties: { key: { type: 'string' } },
        required: ['key'],
      }),
      execute: async ({ key }: { key: string }) =>
        tracer.startActiveSpan(`db ${key}`, async (span) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          span.end();
          return `value of ${key}`;
        }),
    });
    const agent = new AgentBuilder(traced(new InstrumentedTransportModel(), { tracerProvider: harness.tracerProvider }))
      .tool(lookup)
      .hook(tracingHook({ tracerProvider: harness.tracerProvider }))
      .build();
    await tracer.startActiveSpan('POST /chat', async (span) => {
      await agent.prompt('look up a and b', { toolConcurrency: 2 });
      span.end();
    });
    const names = (nodes: ReturnType<OtelHarness['tree']>): unknown[] =>
      nodes.map((node) => (node.children.length === 0 ? node.name : [node.name, names(node.children)]));
    expect(names(harness.tree())).toEqual([
      [
        'POST /chat',
        [
          [
            'invoke_agent',
            [
              ['chat mock-model', ['POST']],
              ['execute_tool lookup', ['db a']],
              ['execute_tool lookup', ['db b']],
              ['chat mock-model', ['POST']],
            ],
          ],
        ],
      ],
    ]);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });

  it('a traced model outside any agent is the child of the active span', async () => {
    const tracer = harness.tracerProvider.getTracer('app');
    const model = traced(new MockCompletionModel(['hi']), { tracerProvider: harness.tracerProvider });
    await tracer.startActiveSpan('job', async (span) => {
      await model.prompt('hello');
      span.end();
    });
    expect(harness.tree().map((node) => [node.name, node.children.map((child) => child.name)])).toEqual([
      ['job', ['chat mock-model']],
    ]);
  });
});
