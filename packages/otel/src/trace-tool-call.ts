import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context } from '@opentelemetry/api';
import type { ToolCallWrapEvent } from '@rig-ts/agent';
import type { ToolResult } from '@rig-ts/core';
import { capContent } from './cap-content.js';
import { CANCELLED, errorTypeOf, TOOL_ERROR } from './error-type-of.js';
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_TOOL_DESCRIPTION,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_TYPE,
  OPERATION_EXECUTE_TOOL,
} from './gen-ai-attributes.js';
import type { GenAiTelemetry } from './gen-ai-telemetry.js';
import type { RunActivity } from './model-call.js';
import { recordFailure, recordInterruption } from './record-failure.js';
import { toolResponseOf } from './to-gen-ai-messages.js';

/**
 * Runs one tool call's handling (`next`) inside an `execute_tool {name}` span (kind INTERNAL) whose parent is
 * `parent` — given explicitly, so concurrent tool calls each get their own span under the run's — and which is the
 * active span while `next` runs (for spans the tool starts, when a context manager is registered). A result marked
 * as an error (the tool threw, was unknown, got invalid arguments or was skipped) sets `error.type` `tool_error`.
 */
export async function traceToolCall(
  telemetry: GenAiTelemetry,
  parent: Context,
  event: ToolCallWrapEvent,
  next: () => Promise<ToolResult>,
  activity?: RunActivity,
): Promise<ToolResult> {
  const { toolCall } = event;
  const name = toolCall.function.name;
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: OPERATION_EXECUTE_TOOL,
    [ATTR_GEN_AI_TOOL_NAME]: name,
    // The provider's call id where it has two (OpenAI Responses: `call_…`, what its tool output answers), else the id.
    [ATTR_GEN_AI_TOOL_CALL_ID]: toolCall.callId ?? toolCall.id,
    [ATTR_GEN_AI_TOOL_TYPE]: 'function',
  };
  if (event.toolDescription !== undefined) attributes[ATTR_GEN_AI_TOOL_DESCRIPTION] = event.toolDescription;
  const span = telemetry.tracer.startSpan(
    `${OPERATION_EXECUTE_TOOL} ${name}`,
    { kind: SpanKind.INTERNAL, attributes },
    parent,
  );
  const recording = span.isRecording();
  if (recording && telemetry.captureContent)
    span.setAttribute(
      ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
      capContent(toolCall.function.arguments, telemetry.maxContentLength),
    );
  activity?.opened();
  try {
    const result = await context.with(trace.setSpan(parent, span), next);
    if (recording) {
      if (telemetry.captureContent)
        span.setAttribute(ATTR_GEN_AI_TOOL_CALL_RESULT, capContent(toolResponseOf(result), telemetry.maxContentLength));
      if (result.isError) {
        span.setAttribute(ATTR_ERROR_TYPE, TOOL_ERROR);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
    }
    return result;
  } catch (error) {
    const errorType = errorTypeOf(error, event.run.options.signal);
    if (errorType === CANCELLED) recordInterruption(span, CANCELLED, 'the tool call was cancelled');
    else recordFailure(span, errorType, error);
    throw error;
  } finally {
    span.end();
    activity?.closed();
  }
}
