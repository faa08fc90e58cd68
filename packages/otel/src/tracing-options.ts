import type { MeterProvider, TracerProvider } from '@opentelemetry/api';

/** Options of `traced()` and `tracingHook()`. */
export interface TracingOptions {
  /**
   * Record prompts, answers, system instructions, tool definitions, tool arguments and tool results on the spans
   * (`gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.tool.call.arguments`…). They may hold personal data.
   * @default false, or true when the environment sets OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true
   */
  captureContent?: boolean;
  /** The most characters one content attribute may hold (at least 16); longer content is cut, still valid JSON. @default 16384 */
  maxContentLength?: number;
  /**
   * The base URL the model's client calls (`client.transport.settings.baseURL`), for `server.address` and
   * `server.port`; only its host and port are recorded. @default none: the attributes are left out
   */
  serverURL?: string | URL;
  /** Where spans go. @default the global tracer provider (the one the SDK registers) */
  tracerProvider?: TracerProvider;
  /** Where metrics go. @default the global meter provider, looked up at each call */
  meterProvider?: MeterProvider;
  /**
   * A stream (or a streamed agent run) that has had no activity for this long — nobody read it to its end, cancelled
   * it or saw it fail — gets its span ended with `error.type` `abandoned`, so it cannot stay open forever. The stream
   * itself is left alone. At most 2^31 − 1 (what a timer takes). @default 600000 (10 minutes, the transport's default
   * time limit for a whole call)
   */
  abandonAfterMs?: number;
}

/** The defaults of {@link TracingOptions}. */
export const TRACING_DEFAULTS = {
  captureContent: false,
  maxContentLength: 16_384,
  abandonAfterMs: 600_000,
} as const;

/** The environment variable the OpenTelemetry GenAI instrumentations read for content capture. */
export const CAPTURE_CONTENT_VARIABLE = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
