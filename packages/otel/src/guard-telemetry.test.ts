// Telemetry never breaks the call it observes: a tracer, a span or a meter that throws (or a tracer that returns no
// span) is reported to OpenTelemetry's diagnostic logger and skipped, and the model call, the stream and the agent run
// give what they give without tracing — their own errors included.
import {
  diag,
  DiagLogLevel,
  type MeterProvider,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { AgentBuilder, tool } from '@rig-ts/agent';
import { CompletionError, PromptError } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';
import { tracingHook } from './tracing-hook.js';

const reported: string[] = [];
beforeEach(() => {
  reported.length = 0;
  diag.setLogger(
    {
      error: (message: string) => reported.push(message),
      warn: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    { logLevel: DiagLogLevel.ERROR, suppressOverrideMessage: true },
  );
});
afterEach(() => diag.disable());

/** A tracer provider whose spans come from the harness, with `break` applied to the tracer or to each span. */
function brokenTracerProvider(part: 'startSpan' | 'no span' | keyof Span): TracerProvider {
  const real = new OtelHarness().tracerProvider.getTracer('test');
  const tracer = {
    startSpan(...args: Parameters<Tracer['startSpan']>) {
      if (part === 'startSpan') throw new Error('tracer bug');
      if (part === 'no span') return undefined as unknown as Span;
      const span = real.startSpan(...args);
      Object.defineProperty(span, part, {
        value: () => {
          throw new Error(`span bug in ${part}`);
        },
      });
      return span;
    },
    startActiveSpan: real.startActiveSpan.bind(real),
  } as Tracer;
  return { getTracer: () => tracer };
}

const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } } }),
  execute: ({ city }) => `${city}: sunny`,
});

describe('a tracer that fails', () => {
  it.each(['startSpan', 'no span', 'setAttribute', 'setAttributes', 'end', 'spanContext', 'isRecording'] as const)(
    'leaves prompt, stream and agent run as they are when %s fails',
    async (part) => {
      const tracerProvider = brokenTracerProvider(part);
      const model = traced(new MockCompletionModel(['hello', 'streamed']), { tracerProvider });
      expect(await model.prompt('hi')).toBe('hello');
      const stream = await model.streamPrompt('hi');
      let text = '';
      for await (const chunk of stream.textStream) text += chunk;
      expect(text).toBe('streamed');
      expect((await stream.final).finishReason).toBe('stop');

      const agent = new AgentBuilder(
        new MockCompletionModel([
          { toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Oslo' } }] },
          'done',
        ]),
      )
        .tool(weather)
        .hook(tracingHook({ tracerProvider }))
        .build();
      expect(await agent.prompt('weather?')).toBe('done');
      if (part !== 'no span') expect(reported.length).toBeGreaterThan(0);
      expect(reported.every((message) => message.startsWith('@rig-ts/otel: '))).toBe(true);
    },
  );

  it.each(['recordException', 'setStatus', 'setAttribute'] as const)(
    "keeps a failed call's own error when %s fails",
    async (part) => {
      const failure = new CompletionError({ kind: 'http', message: 'Mock answered with HTTP 503', status: 503 });
      const tracerProvider = brokenTracerProvider(part);
      const model = traced(new MockCompletionModel([{ error: failure }, { error: failure }]), { tracerProvider });
      const promptError = await model.prompt('hi').catch((caught: unknown) => caught);
      expect(PromptError.isInstance(promptError) && promptError.kind).toBe('completion');
      expect((promptError as Error).cause).toBe(failure);
      expect(await model.completion(model.completionRequest('hi').build()).catch((caught: unknown) => caught)).toBe(
        failure,
      );
      const agent = new AgentBuilder(new MockCompletionModel([{ error: failure }]))
        .hook(tracingHook({ tracerProvider }))
        .build();
      const error = await agent.prompt('x').catch((caught: unknown) => caught);
      expect(PromptError.isInstance(error) && error.kind).toBe('completion');
      expect((error as Error).cause).toBe(failure);
      expect(reported.length).toBeGreaterThan(0);
    },
  );
});

describe('a meter that fails', () => {
  const meterProvider = (failing: 'getMeter' | 'createHistogram' | 'record'): MeterProvider => {
    const harness = new OtelHarness();
    return {
      getMeter(...args: Parameters<MeterProvider['getMeter']>) {
        if (failing === 'getMeter') throw new Error('meter bug');
        const meter = harness.meterProvider.getMeter(...args);
        return new Proxy(meter, {
          get(target, key) {
            if (key !== 'createHistogram') return Reflect.get(target, key, target);
            return (...histogramArgs: Parameters<typeof meter.createHistogram>) => {
              if (failing === 'createHistogram') throw new Error('histogram bug');
              const histogram = target.createHistogram(...histogramArgs);
              return {
                record: () => {
                  throw new Error('record bug');
                },
                constructor: histogram.constructor,
              };
            };
          },
        });
      },
    };
  };

  it.each(['getMeter', 'createHistogram', 'record'] as const)(
    'leaves calls as they are when %s fails',
    async (part) => {
      const model = traced(new MockCompletionModel(['hello', 'streamed']), { meterProvider: meterProvider(part) });
      expect(await model.prompt('hi')).toBe('hello');
      const stream = await model.streamPrompt('hi');
      expect((await stream.final).finishReason).toBe('stop');
      expect(reported.length).toBeGreaterThan(0);
    },
  );
});
