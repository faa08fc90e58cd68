import {
  diag,
  INVALID_SPAN_CONTEXT,
  trace,
  type AttributeValue,
  type Attributes,
  type Context,
  type Exception,
  type Histogram,
  type Link,
  type Span,
  type SpanContext,
  type SpanOptions,
  type SpanStatus,
  type TimeInput,
  type Tracer,
} from '@opentelemetry/api';

/** What rig-ts asks of a tracer: spans started by name. */
export interface SpanStarter {
  startSpan(name: string, options?: SpanOptions, context?: Context): Span;
}

/** The span handed out when a tracer fails to start one: it records nothing. */
const NON_RECORDING_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * `run()`, or `fallback` when it throws: telemetry never breaks the call it observes. The failure goes to
 * OpenTelemetry's diagnostic logger (`diag`), where an application looks for its SDK's own failures.
 */
export function quietly<T>(what: string, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    diag.error(`@rig-ts/otel: ${what} failed; the call goes on without it`, error);
    return fallback;
  }
}

/** A span with every method guarded: a method that throws is reported to `diag` and skipped. */
class GuardedSpan implements Span {
  readonly #span: Span;

  constructor(span: Span) {
    this.#span = span;
  }

  spanContext(): SpanContext {
    return quietly('span.spanContext', () => this.#span.spanContext(), INVALID_SPAN_CONTEXT);
  }

  setAttribute(key: string, value: AttributeValue): this {
    quietly('span.setAttribute', () => this.#span.setAttribute(key, value), undefined);
    return this;
  }

  setAttributes(attributes: Attributes): this {
    quietly('span.setAttributes', () => this.#span.setAttributes(attributes), undefined);
    return this;
  }

  addEvent(name: string, attributesOrStartTime?: Attributes | TimeInput, startTime?: TimeInput): this {
    quietly('span.addEvent', () => this.#span.addEvent(name, attributesOrStartTime, startTime), undefined);
    return this;
  }

  addLink(link: Link): this {
    quietly('span.addLink', () => this.#span.addLink(link), undefined);
    return this;
  }

  addLinks(links: Link[]): this {
    quietly('span.addLinks', () => this.#span.addLinks(links), undefined);
    return this;
  }

  setStatus(status: SpanStatus): this {
    quietly('span.setStatus', () => this.#span.setStatus(status), undefined);
    return this;
  }

  updateName(name: string): this {
    quietly('span.updateName', () => this.#span.updateName(name), undefined);
    return this;
  }

  end(endTime?: TimeInput): void {
    quietly('span.end', () => this.#span.end(endTime), undefined);
  }

  isRecording(): boolean {
    return quietly('span.isRecording', () => this.#span.isRecording(), false);
  }

  recordException(exception: Exception, time?: TimeInput): void {
    quietly('span.recordException', () => this.#span.recordException(exception, time), undefined);
  }
}

/**
 * A tracer whose failures never reach the caller: a `startSpan` that throws (or returns no span) gives a span that
 * records nothing, and each method of the spans it starts is guarded the same way.
 */
export function guardTracer(tracer: Tracer): SpanStarter {
  return {
    startSpan(name, options, context) {
      const span = quietly('tracer.startSpan', () => tracer.startSpan(name, options, context), NON_RECORDING_SPAN);
      if (typeof span !== 'object' || span === null) return NON_RECORDING_SPAN;
      // The API's own no-op span (no SDK registered) cannot fail: it is handed out as it is.
      return span.constructor === NON_RECORDING_SPAN.constructor ? span : new GuardedSpan(span);
    },
  };
}

/** A histogram whose `record` never throws. */
export function guardHistogram(histogram: Histogram): Histogram {
  return {
    record: (value, attributes, context) =>
      quietly('histogram.record', () => histogram.record(value, attributes, context), undefined),
  };
}
