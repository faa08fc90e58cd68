import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { DataPointType, MeterProvider, MetricReader, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

class ManualReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }

  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** A finished span as the tests compare it: what an exporter would send, children nested. */
export interface SpanNode {
  name: string;
  kind: keyof typeof SpanKind;
  status: { code: keyof typeof SpanStatusCode; message?: string };
  attributes: Attributes;
  events: { name: string; attributes: Attributes }[];
  children: SpanNode[];
}

/** One histogram data point. */
export interface HistogramPoint {
  attributes: Attributes;
  count: number;
  sum: number;
  boundaries: number[];
}

function kindName(kind: SpanKind): keyof typeof SpanKind {
  return SpanKind[kind] as keyof typeof SpanKind;
}

function toNode(span: ReadableSpan, children: SpanNode[]): SpanNode {
  const status: SpanNode['status'] = { code: SpanStatusCode[span.status.code] as keyof typeof SpanStatusCode };
  if (span.status.message !== undefined) status.message = span.status.message;
  return {
    name: span.name,
    kind: kindName(span.kind),
    status,
    attributes: { ...span.attributes },
    events: span.events.map((event) => ({ name: event.name, attributes: { ...event.attributes } })),
    children,
  };
}

/**
 * Numbers spans in the order they start. Start times cannot order them: the SDK takes a span's start from the wall
 * clock (millisecond steps), so spans started within the same millisecond tie.
 */
class StartOrder implements SpanProcessor {
  readonly #order = new Map<string, number>();

  of(span: ReadableSpan): number {
    return this.#order.get(span.spanContext().spanId) ?? Number.MAX_SAFE_INTEGER;
  }

  onStart(span: Span): void {
    this.#order.set(span.spanContext().spanId, this.#order.size);
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** An SDK tracer and meter provider writing to memory, for the tests. */
export class OtelHarness {
  readonly exporter = new InMemorySpanExporter();
  readonly #startOrder = new StartOrder();
  readonly tracerProvider = new BasicTracerProvider({
    spanProcessors: [this.#startOrder, new SimpleSpanProcessor(this.exporter)],
  });
  readonly reader = new ManualReader();
  readonly meterProvider = new MeterProvider({ readers: [this.reader] });

  /** The finished spans, in the order they ended. */
  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** The finished spans as trees (roots: spans whose parent did not finish here), children by start time. */
  tree(): SpanNode[] {
    const spans = this.spans();
    const ids = new Set(spans.map((span) => span.spanContext().spanId));
    const build = (parentId: string | undefined): SpanNode[] =>
      spans
        .filter((span) =>
          parentId === undefined
            ? !ids.has(span.parentSpanContext?.spanId ?? '')
            : span.parentSpanContext?.spanId === parentId,
        )
        .sort((a, b) => this.#startOrder.of(a) - this.#startOrder.of(b))
        .map((span) => toNode(span, build(span.spanContext().spanId)));
    return build(undefined);
  }

  /** The points of every histogram recorded so far, by metric name (with its unit). */
  async histograms(): Promise<{ [name: string]: { unit: string; points: HistogramPoint[] } }> {
    const { resourceMetrics, errors } = await this.reader.collect();
    if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
    const result: { [name: string]: { unit: string; points: HistogramPoint[] } } = {};
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        if (metric.dataPointType !== DataPointType.HISTOGRAM) throw new Error(`unexpected ${metric.descriptor.name}`);
        const histogram = metric as HistogramMetricData;
        result[metric.descriptor.name] = {
          unit: metric.descriptor.unit,
          points: histogram.dataPoints.map((point) => ({
            attributes: point.attributes,
            count: point.value.count,
            sum: point.value.sum ?? Number.NaN,
            boundaries: point.value.buckets.boundaries,
          })),
        };
      }
    }
    return result;
  }

  reset(): void {
    this.exporter.reset();
  }
}
