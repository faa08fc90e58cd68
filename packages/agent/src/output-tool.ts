import {
  type AssistantContent,
  type CompletionResponse,
  type StreamedAssistantContent,
  type ToolCall,
  type ToolDefinition,
} from '@rig-ts/core';
import { toChoice } from '@rig-ts/core/internal';
import type { OutputPlan } from './output-mode.js';

type ToolPlan = Extract<OutputPlan, { mode: 'tool' }>;

/** The output tool the model calls with its final answer. */
export function outputToolDefinition(plan: ToolPlan): ToolDefinition {
  const { name, description, schema } = plan.schema;
  return {
    name: plan.toolName,
    description: `Give your final answer (${name}${description ? `: ${description}` : ''}). Call this once you have the answer, instead of writing it as text.`,
    parameters: plan.wrapped
      ? { type: 'object', properties: { answer: schema }, required: ['answer'], additionalProperties: false }
      : schema,
  };
}

/** What the run adds to the instructions for its output plan (`undefined` for `native`). */
export function outputInstruction(plan: OutputPlan): string | undefined {
  if (plan.mode === 'tool')
    return `When you have the final answer, call the tool "${plan.toolName}" with it; do not write it as text.`;
  if (plan.mode === 'prompted') {
    return `Answer with only a JSON value that matches this JSON Schema ("${plan.schema.name}"), with no other text:\n${JSON.stringify(plan.schema.schema)}`;
  }
  return undefined;
}

/** The answer's JSON text of an output-tool call: its arguments (unwrapped), or the text as written when not JSON. */
export function outputToolText(plan: ToolPlan, call: ToolCall): string {
  if (call.unparseableArguments !== undefined) return call.unparseableArguments;
  const args = call.function.arguments;
  const value =
    plan.wrapped && typeof args === 'object' && args !== null && 'answer' in args
      ? (args as { answer: unknown }).answer
      : args;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The final answer of a turn that called the output tool: the response with that call turned into the answer's JSON
 * text (reasoning kept, other text and other tool calls left out: the run ends here, and no call may stay unanswered
 * in the history), finish `stop`. `undefined` when the turn did not call it.
 */
export function outputToolAnswer(plan: ToolPlan, response: CompletionResponse): CompletionResponse | undefined {
  const call = response.choice.find(
    (block): block is ToolCall => block.type === 'tool-call' && block.function.name === plan.toolName,
  );
  if (call === undefined) return undefined;
  const content: AssistantContent[] = response.choice.filter((block) => block.type === 'reasoning');
  content.push({ type: 'text', text: outputToolText(plan, call) });
  return { ...response, choice: toChoice(content), finishReason: 'stop' };
}

/**
 * For one streamed turn: the output tool's call streams as the answer's text (its argument deltas become `text` items,
 * so `textStream` and `streamTyped` see the JSON as it comes; a wrapped answer comes whole, unwrapped, when the call
 * completes); its `tool-call-delta` and `tool-call` items are left out. Other items pass unchanged.
 */
export function outputToolStream(
  plan: ToolPlan,
): (item: StreamedAssistantContent) => StreamedAssistantContent | undefined {
  const ids = new Set<string>();
  return (item) => {
    if (item.type === 'tool-call-delta') {
      if (item.name === plan.toolName) ids.add(item.id);
      else if (!ids.has(item.id)) return item;
      return plan.wrapped || item.argumentsDelta === '' ? undefined : { type: 'text', text: item.argumentsDelta };
    }
    if (item.type === 'tool-call' && item.toolCall.function.name === plan.toolName) {
      return plan.wrapped ? { type: 'text', text: outputToolText(plan, item.toolCall) } : undefined;
    }
    return item;
  };
}
