import {
  context,
  isSpanContextValid,
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { CallOptions, CompletionModel, CompletionRequest, CompletionResponse } from '@rig-ts/core';
import { capContent } from './cap-content.js';
import { inputContentAttributes } from './input-content-attributes.js';
import { ABANDONED, CANCELLED, errorTypeOf } from './error-type-of.js';
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_TOKEN_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  OPERATION_CHAT,
} from './gen-ai-attributes.js';
import { genAiProviderName } from './gen-ai-provider-name.js';
import type { GenAiInstruments, GenAiTelemetry } from './gen-ai-telemetry.js';
import { IdleWatchdog } from './idle-watchdog.js';
import { recordFailure, recordInterruption } from './record-failure.js';
import { requestAttributes } from './request-attributes.js';
import { outputMessagesOf, genAiFinishReason } from './to-gen-ai-messages.js';
import { traceParentOf, withTraceParent } from './trace-parent.js';
import { hasUsage, usageAttributes } from './usage-attributes.js';

/** What a model call reports to the agent run it belongs to (so the run is not taken as abandoned meanwhile). */
export interface RunActivity {
  /** A model call started. */
  opened(): void;
  /** A model call ended. */
  closed(): void;
  /** Something happened (a streamed item). */
  touch(): void;
}

/** The agent run a traced model is bound to. */
export interface RunBinding {
  /** The parent of the model calls' spans. */
  parent: Context;
  activity?: RunActivity;
}

/**
 * One model call being traced: its `chat {model}` span and its metrics. Every way of ending it (`succeed`, `fail`,
 * `cancel`, `abandon`) ends the span once; later calls do nothing.
 */
export class ModelCall {
  readonly span: Span;
  /** The parent context with this call's span: what the wrapped model runs in. */
  readonly context: Context;
  readonly #telemetry: GenAiTelemetry;
  readonly #instruments: GenAiInstruments | undefined;
  readonly #metricAttributes: Attributes;
  readonly #signal: AbortSignal | undefined;
  readonly #activity: RunActivity | undefined;
  readonly #started = performance.now();
  #watchdog: IdleWatchdog | undefined;
  #firstChunk = false;
  #ended = false;
  /** Reads of the stream in progress: a stream being waited on is not abandoned. */
  pending = 0;

  /**
   * Starts the span of a call to `model` — its parent: the one set with `withTraceParent` in `options`, else the
   * `binding`'s (an agent run's), else the active context — or returns `undefined` when nothing would record it.
   */
  static start(
    telemetry: GenAiTelemetry,
    model: CompletionModel,
    request: CompletionRequest,
    options: CallOptions | undefined,
    binding: RunBinding | undefined,
    streaming: boolean,
  ): ModelCall | undefined {
    const parent = traceParentOf(options) ?? binding?.parent ?? context.active();
    const requestModel = request.model ?? model.modelId;
    const attributes: Attributes = {
      [ATTR_GEN_AI_OPERATION_NAME]: OPERATION_CHAT,
      [ATTR_GEN_AI_PROVIDER_NAME]: genAiProviderName(model.provider),
      [ATTR_GEN_AI_REQUEST_MODEL]: requestModel,
    };
    const server = telemetry.server;
    if (server !== undefined) {
      attributes[ATTR_SERVER_ADDRESS] = server.address;
      attributes[ATTR_SERVER_PORT] = server.port;
    }
    const span = telemetry.tracer.startSpan(
      `${OPERATION_CHAT} ${requestModel}`,
      { kind: SpanKind.CLIENT, attributes },
      parent,
    );
    const instruments = telemetry.instruments();
    // No SDK at all: a non-recording span without a trace to belong to, and no meter. Nothing to do.
    if (instruments === undefined && !span.isRecording() && !isSpanContextValid(span.spanContext())) return undefined;
    return new ModelCall(
      telemetry,
      instruments,
      span,
      parent,
      attributes,
      request,
      model.provider,
      options?.signal,
      streaming,
      binding?.activity,
    );
  }

  private constructor(
    telemetry: GenAiTelemetry,
    instruments: GenAiInstruments | undefined,
    span: Span,
    parent: Context,
    attributes: Attributes,
    request: CompletionRequest,
    provider: string,
    signal: AbortSignal | undefined,
    streaming: boolean,
    activity: RunActivity | undefined,
  ) {
    this.#telemetry = telemetry;
    this.#activity = activity;
    activity?.opened();
    this.#instruments = instruments;
    this.span = span;
    this.context = trace.setSpan(parent, span);
    this.#metricAttributes = attributes;
    this.#signal = signal;
    if (!span.isRecording()) return;
    span.setAttributes(requestAttributes(request, provider));
    if (streaming) span.setAttribute(ATTR_GEN_AI_REQUEST_STREAM, true);
    if (!telemetry.captureContent) return;
    span.setAttributes(
      inputContentAttributes(
        {
          preamble: request.preamble,
          documents: request.documents,
          messages: request.chatHistory,
          tools: request.tools,
        },
        telemetry.maxContentLength,
      ),
    );
  }

  /** `options` for the wrapped model: this call's span as the explicit parent of any traced model inside it. */
  innerOptions(options: CallOptions | undefined): CallOptions {
    return withTraceParent(this.context, options);
  }

  /** Ends the span as abandoned after `abandonAfterMs` without activity (streams). */
  watch(): void {
    this.#watchdog = new IdleWatchdog(
      this.#telemetry.abandonAfterMs,
      () => this.pending > 0,
      () => this.#abandon(),
    );
  }

  /** Records a streamed item: the first one gives the time to first chunk. */
  chunk(): void {
    this.#watchdog?.touch();
    this.#activity?.touch();
    if (this.#firstChunk) return;
    this.#firstChunk = true;
    const seconds = (performance.now() - this.#started) / 1000;
    this.span.setAttribute(ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
    this.#instruments?.timeToFirstChunk.record(seconds, this.#metricAttributes);
  }

  /** Ends the call with its response. */
  succeed(response: CompletionResponse): void {
    if (!this.#end()) return;
    const span = this.span;
    const usage = hasUsage(response.usage) ? response.usage : undefined;
    if (span.isRecording()) {
      if (response.id !== undefined) span.setAttribute(ATTR_GEN_AI_RESPONSE_ID, response.id);
      if (response.model !== undefined) span.setAttribute(ATTR_GEN_AI_RESPONSE_MODEL, response.model);
      span.setAttribute(ATTR_GEN_AI_RESPONSE_FINISH_REASONS, [
        genAiFinishReason(response.finishReason, response.rawFinishReason),
      ]);
      if (usage !== undefined) span.setAttributes(usageAttributes(usage));
      if (this.#telemetry.captureContent)
        span.setAttribute(
          ATTR_GEN_AI_OUTPUT_MESSAGES,
          capContent(outputMessagesOf(response), this.#telemetry.maxContentLength),
        );
    }
    span.end();
    const instruments = this.#instruments;
    if (instruments === undefined) return;
    const attributes =
      response.model === undefined
        ? this.#metricAttributes
        : { ...this.#metricAttributes, [ATTR_GEN_AI_RESPONSE_MODEL]: response.model };
    instruments.duration.record(this.#seconds(), attributes);
    if (usage === undefined) return;
    instruments.tokenUsage.record(usage.promptTokens, { ...attributes, [ATTR_GEN_AI_TOKEN_TYPE]: 'input' });
    instruments.tokenUsage.record(usage.completionTokens, { ...attributes, [ATTR_GEN_AI_TOKEN_TYPE]: 'output' });
  }

  /** Ends the call with what it failed with (the caller's abort counts as `cancelled`). */
  fail(error: unknown): void {
    if (!this.#end()) return;
    const errorType = errorTypeOf(error, this.#signal);
    if (errorType === CANCELLED) recordInterruption(this.span, CANCELLED, 'the call was cancelled by its caller');
    else recordFailure(this.span, errorType, error);
    this.span.end();
    this.#instruments?.duration.record(this.#seconds(), { ...this.#metricAttributes, [ATTR_ERROR_TYPE]: errorType });
  }

  /** Ends the call cancelled by its consumer (a stream's `cancel()`, leaving a `for await`, cancelling its `toReadableStream()`). */
  cancel(): void {
    if (!this.#end()) return;
    recordInterruption(this.span, CANCELLED, 'the stream was cancelled by its consumer');
    this.span.end();
    this.#instruments?.duration.record(this.#seconds(), { ...this.#metricAttributes, [ATTR_ERROR_TYPE]: CANCELLED });
  }

  // No duration is recorded: the time a stream lay unread is not the operation's.
  #abandon(): void {
    if (!this.#end()) return;
    recordInterruption(
      this.span,
      ABANDONED,
      `the stream was neither read to its end, nor cancelled, nor failed, and had no activity for ${this.#telemetry.abandonAfterMs} ms`,
    );
    this.span.end();
  }

  #end(): boolean {
    if (this.#ended) return false;
    this.#ended = true;
    this.#watchdog?.stop();
    this.#activity?.closed();
    return true;
  }

  #seconds(): number {
    return (performance.now() - this.#started) / 1000;
  }
}
