// Parents without an async context manager: withTraceParent on a call, withParent on a model, and traced models
// nested inside another model (a fallback) passing their span down explicitly.
import { fallback } from '@rig-ts/agent';
import { CompletionError } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { context, trace } from '@opentelemetry/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';
import { withTraceParent } from './trace-parent.js';

let harness: OtelHarness;
beforeEach(() => {
  harness = new OtelHarness();
});

const names = (nodes: ReturnType<OtelHarness['tree']>): unknown[] =>
  nodes.map((node) => (node.children.length === 0 ? node.name : [node.name, names(node.children)]));

describe('explicit parents', () => {
  it('withTraceParent(parent, options) parents one call; the next call without it is a root of its own trace', async () => {
    const request = harness.tracerProvider.getTracer('app').startSpan('POST /chat');
    const model = traced(new MockCompletionModel(['a', 'b', 'c']), { tracerProvider: harness.tracerProvider });
    const parent = trace.setSpan(context.active(), request);
    await model.prompt('x', withTraceParent(parent, { maxRetries: 0 }));
    await (
      await model.streamPrompt('y', withTraceParent(parent))
    ).final;
    request.end();
    await model.prompt('z');
    expect(names(harness.tree())).toEqual([['POST /chat', ['chat mock-model', 'chat mock-model']], 'chat mock-model']);
    const traces = new Set(harness.spans().map((span) => span.spanContext().traceId));
    expect(traces.size).toBe(2);
  });

  it('withParent(parent) binds every call of the returned model; the original stays unbound', async () => {
    const job = harness.tracerProvider.getTracer('app').startSpan('nightly job');
    const model = traced(new MockCompletionModel(['a', 'b']), { tracerProvider: harness.tracerProvider });
    await model.withParent(trace.setSpan(context.active(), job)).prompt('x');
    await model.prompt('y');
    job.end();
    expect(names(harness.tree())).toEqual([['nightly job', ['chat mock-model']], 'chat mock-model']);
  });

  it('traced(fallback([traced(a), traced(b)])): the attempts are children of the logical call', async () => {
    const failing = new MockCompletionModel(
      [{ error: new CompletionError({ kind: 'http', message: 'HTTP 503', status: 503 }) }],
      { modelId: 'primary' },
    );
    const backup = new MockCompletionModel(['from backup'], { modelId: 'backup' });
    const options = { tracerProvider: harness.tracerProvider };
    const model = traced(fallback([traced(failing, options), traced(backup, options)]), options);
    expect(await model.prompt('x')).toBe('from backup');
    expect(names(harness.tree())).toEqual([['chat mock:primary > mock:backup', ['chat primary', 'chat backup']]]);
    const [logical] = harness.tree();
    expect(logical!.attributes['gen_ai.provider.name']).toBe('fallback');
    expect(logical!.children.map((child) => child.attributes['error.type'])).toEqual(['503', undefined]);
  });
});
