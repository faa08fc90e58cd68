import { context, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import type { AgentRunEndEvent, AgentRunInfo } from '@rig-ts/agent';
import { capContent } from './cap-content.js';
import { inputContentAttributes } from './input-content-attributes.js';
import { ABANDONED, CANCELLED, errorTypeOf } from './error-type-of.js';
import {
  ATTR_GEN_AI_AGENT_DESCRIPTION,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  OPERATION_INVOKE_AGENT,
} from './gen-ai-attributes.js';
import { genAiProviderName } from './gen-ai-provider-name.js';
import type { GenAiTelemetry } from './gen-ai-telemetry.js';
import { IdleWatchdog } from './idle-watchdog.js';
import type { RunActivity } from './model-call.js';
import { recordFailure, recordInterruption } from './record-failure.js';
import { genAiFinishReason, outputMessagesOf } from './to-gen-ai-messages.js';
import { traceParentOf } from './trace-parent.js';
import { hasUsage, usageAttributes } from './usage-attributes.js';

/**
 * The `invoke_agent` span of one agent run (kind INTERNAL: the agent runs in this process), and what is in flight in
 * it — model calls and tool calls — so a streamed run nobody reads can be ended as abandoned without cutting a long
 * tool call short. A blocking run is never ended that way: it ends when its promise settles.
 */
export class AgentRunSpan implements RunActivity {
  readonly span: Span;
  /** The parent context with the run's span: the parent of its model calls and tool calls. */
  readonly context: Context;
  readonly #telemetry: GenAiTelemetry;
  readonly #watchdog: IdleWatchdog | undefined;
  #inFlight = 0;
  #ended = false;

  constructor(telemetry: GenAiTelemetry, run: AgentRunInfo) {
    this.#telemetry = telemetry;
    const config = run.config;
    const parent = traceParentOf(run.options) ?? context.active();
    const attributes: { [key: string]: string | number } = {
      [ATTR_GEN_AI_OPERATION_NAME]: OPERATION_INVOKE_AGENT,
      [ATTR_GEN_AI_PROVIDER_NAME]: genAiProviderName(config.model.provider),
      [ATTR_GEN_AI_REQUEST_MODEL]: config.model.modelId,
    };
    if (config.name !== undefined) attributes[ATTR_GEN_AI_AGENT_NAME] = config.name;
    const span = telemetry.tracer.startSpan(
      config.name === undefined ? OPERATION_INVOKE_AGENT : `${OPERATION_INVOKE_AGENT} ${config.name}`,
      { kind: SpanKind.INTERNAL, attributes },
      parent,
    );
    this.span = span;
    this.context = trace.setSpan(parent, span);
    // Only a streamed run can be left unfinished: a blocking run ends when its promise settles.
    this.#watchdog = run.streaming
      ? new IdleWatchdog(
          telemetry.abandonAfterMs,
          () => this.#inFlight > 0,
          () => this.#abandon(),
        )
      : undefined;
    if (!span.isRecording()) return;
    if (config.description !== undefined) span.setAttribute(ATTR_GEN_AI_AGENT_DESCRIPTION, config.description);
    if (config.temperature !== undefined) span.setAttribute(ATTR_GEN_AI_REQUEST_TEMPERATURE, config.temperature);
    if (config.maxTokens !== undefined) span.setAttribute(ATTR_GEN_AI_REQUEST_MAX_TOKENS, config.maxTokens);
    if (!telemetry.captureContent) return;
    span.setAttributes(
      inputContentAttributes(
        {
          preamble: config.preamble,
          documents: config.documents,
          messages: [...run.history, run.prompt],
          tools: config.tools,
        },
        telemetry.maxContentLength,
      ),
    );
  }

  opened(): void {
    this.#inFlight++;
    this.#watchdog?.touch();
  }

  closed(): void {
    this.#inFlight--;
    this.#watchdog?.touch();
  }

  touch(): void {
    this.#watchdog?.touch();
  }

  /** Ends the span as the run ended. */
  end(event: AgentRunEndEvent): void {
    if (!this.#finish()) return;
    const span = this.span;
    if (hasUsage(event.usage)) span.setAttributes(usageAttributes(event.usage));
    const response = event.response;
    if (response !== undefined) {
      span.setAttribute(ATTR_GEN_AI_RESPONSE_FINISH_REASONS, [
        genAiFinishReason(response.finishReason, response.rawFinishReason),
      ]);
      if (this.#telemetry.captureContent)
        span.setAttribute(
          ATTR_GEN_AI_OUTPUT_MESSAGES,
          capContent(outputMessagesOf(response), this.#telemetry.maxContentLength),
        );
    } else if (event.cancelled) recordInterruption(span, CANCELLED, 'the streamed run was cancelled by its consumer');
    else {
      const errorType = errorTypeOf(event.error);
      if (errorType === CANCELLED) recordInterruption(span, CANCELLED, 'the run was cancelled by its caller');
      else recordFailure(span, errorType, event.error);
    }
    span.end();
  }

  #abandon(): void {
    if (!this.#finish()) return;
    recordInterruption(
      this.span,
      ABANDONED,
      `the run's stream was neither read to its end, nor cancelled, nor failed, and had no activity for ${this.#telemetry.abandonAfterMs} ms`,
    );
    this.span.end();
  }

  #finish(): boolean {
    if (this.#ended) return false;
    this.#ended = true;
    this.#watchdog?.stop();
    return true;
  }
}
