import type { Context } from '@opentelemetry/api';
import type { CallOptions } from '@rig-ts/core';

// Symbol.for: two copies of this package agree on it. Enumerable, so spreading the options keeps it.
const TRACE_PARENT: unique symbol = Symbol.for('rig-ts.otel.trace-parent');

/**
 * `options` (a copy) carrying `parent` as the explicit parent of the spans a `traced()` model or a `tracingHook()` run
 * starts for this call — for code that runs without an async context manager (browsers, workers, or Node without
 * one registered). Other code ignores it.
 *
 * @example
 * const answer = await model.prompt('hello', withTraceParent(trace.setSpan(context.active(), requestSpan)));
 */
export function withTraceParent<Options extends CallOptions>(parent: Context, options?: Options): Options {
  return { ...options, [TRACE_PARENT]: parent } as unknown as Options;
}

/** The parent set by {@link withTraceParent}, if any. */
export function traceParentOf(options: CallOptions | undefined): Context | undefined {
  return options === undefined ? undefined : ((options as { [TRACE_PARENT]?: Context })[TRACE_PARENT] ?? undefined);
}
