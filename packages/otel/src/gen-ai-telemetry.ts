import { createNoopMeter, metrics, trace, type Histogram, type MeterProvider } from '@opentelemetry/api';
import { MAX_TIMER_MS } from '@rig-ts/core/internal';
import {
  DURATION_BUCKETS,
  INSTRUMENTATION_SCOPE,
  METRIC_OPERATION_DURATION,
  METRIC_TIME_TO_FIRST_CHUNK,
  METRIC_TOKEN_USAGE,
  SCHEMA_URL,
  TOKEN_USAGE_BUCKETS,
} from './gen-ai-attributes.js';
import { guardHistogram, guardTracer, quietly, type SpanStarter } from './guard-telemetry.js';
import { serverOf, type ServerAttributes } from './server-of.js';
import { CAPTURE_CONTENT_VARIABLE, TRACING_DEFAULTS, type TracingOptions } from './tracing-options.js';

/** The histograms of the conventions. */
export interface GenAiInstruments {
  duration: Histogram;
  tokenUsage: Histogram;
  timeToFirstChunk: Histogram;
}

/** Room for the shortest capped content: a cut JSON string with its `…[truncated]` mark. */
const MIN_CONTENT_LENGTH = 16;

// The API's no-op meter hands out instances of one class: a histogram of that class records nothing.
const NOOP_HISTOGRAM = createNoopMeter().createHistogram('noop').constructor;

function readEnvironment(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: { [name: string]: string | undefined } } }).process;
  return process?.env?.[name];
}

function positive(value: number | undefined, fallback: number, name: string, max = Infinity): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  if (value > max) throw new RangeError(`${name} must be at most ${max}, got ${value}`);
  return value;
}

/** The normalized options, the tracer and the metric instruments one `traced()` model or `tracingHook()` uses. */
export class GenAiTelemetry {
  readonly captureContent: boolean;
  readonly maxContentLength: number;
  readonly abandonAfterMs: number;
  readonly server: ServerAttributes | undefined;
  /** The tracer, guarded: a tracer or span that throws never fails the call it traces. */
  readonly tracer: SpanStarter;
  readonly options: TracingOptions;
  readonly #meterProvider: MeterProvider | undefined;
  #instrumentsOf: MeterProvider | undefined;
  #instruments: GenAiInstruments | undefined;

  constructor(options: TracingOptions = {}) {
    this.options = options;
    this.captureContent = options.captureContent ?? readEnvironment(CAPTURE_CONTENT_VARIABLE)?.toLowerCase() === 'true';
    this.maxContentLength = Math.floor(
      positive(options.maxContentLength, TRACING_DEFAULTS.maxContentLength, 'maxContentLength'),
    );
    if (this.maxContentLength < MIN_CONTENT_LENGTH)
      throw new RangeError(`maxContentLength must be at least ${MIN_CONTENT_LENGTH}, got ${options.maxContentLength}`);
    // Not above what a timer takes: a longer watch would fire at once and end live streams' spans as abandoned.
    this.abandonAfterMs = positive(
      options.abandonAfterMs,
      TRACING_DEFAULTS.abandonAfterMs,
      'abandonAfterMs',
      MAX_TIMER_MS,
    );
    this.server = options.serverURL === undefined ? undefined : serverOf(options.serverURL);
    // The global provider is a proxy: a tracer taken now follows an SDK registered later.
    this.tracer = guardTracer(
      (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_SCOPE, undefined, {
        schemaUrl: SCHEMA_URL,
      }),
    );
    this.#meterProvider = options.meterProvider;
  }

  /**
   * The histograms (each guarded: a `record` that throws is skipped), or `undefined` while no meter provider records
   * anything (the global one is looked up each time) or when making them failed.
   */
  instruments(): GenAiInstruments | undefined {
    const provider = this.#meterProvider ?? metrics.getMeterProvider();
    if (provider !== this.#instrumentsOf) {
      this.#instrumentsOf = provider;
      this.#instruments = quietly(
        'creating the GenAI metric instruments',
        () => createInstruments(provider),
        undefined,
      );
    }
    return this.#instruments;
  }
}

/** The conventions' three histograms from `provider`, or `undefined` when it is the API's no-op one. */
function createInstruments(provider: MeterProvider): GenAiInstruments | undefined {
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE, undefined, { schemaUrl: SCHEMA_URL });
  const duration = meter.createHistogram(METRIC_OPERATION_DURATION, {
    description: 'GenAI operation duration.',
    unit: 's',
    advice: { explicitBucketBoundaries: [...DURATION_BUCKETS] },
  });
  if (duration.constructor === NOOP_HISTOGRAM) return undefined;
  return {
    duration: guardHistogram(duration),
    tokenUsage: guardHistogram(
      meter.createHistogram(METRIC_TOKEN_USAGE, {
        description: 'Number of input and output tokens used.',
        unit: '{token}',
        advice: { explicitBucketBoundaries: [...TOKEN_USAGE_BUCKETS] },
      }),
    ),
    timeToFirstChunk: guardHistogram(
      meter.createHistogram(METRIC_TIME_TO_FIRST_CHUNK, {
        description: 'Time to receive the first chunk in a streaming operation.',
        unit: 's',
        advice: { explicitBucketBoundaries: [...DURATION_BUCKETS] },
      }),
    ),
  };
}
