import { PromptError, type OneOrMany, type ToolCall, type ToolResult, type ToolResultContent } from '@rig-ts/core';
import { wrapToolCallHooks } from './agent-run-events.js';
import type { AgentRun } from './agent-run.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';
import { toToolResultContent } from './tool-output.js';
import { validateToolArguments } from './validate-tool-arguments.js';

function textContent(text: string): OneOrMany<ToolResultContent> {
  return [{ type: 'text', text }];
}

function result(call: ToolCall, content: OneOrMany<ToolResultContent>, isError: boolean): ToolResult {
  const toolResult: ToolResult = { type: 'tool-result', id: call.id, name: call.function.name, content };
  if (call.callId !== undefined) toolResult.callId = call.callId;
  if (isError) toolResult.isError = true;
  return toolResult;
}

/** Rejects as soon as `signal` aborts, with the abort reason. */
function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort: (() => void) | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', (onAbort = () => reject(signal.reason)), { once: true });
  });
  promise.catch(() => undefined);
  return { promise, dispose: () => onAbort && signal.removeEventListener('abort', onAbort) };
}

async function runOne(run: AgentRun, call: ToolCall, signal: AbortSignal): Promise<ToolResult> {
  const turn = run.turn;
  const name = call.function.name;
  let args = call.function.arguments;
  for (const hook of run.hooks) {
    const action = await hook.beforeToolCall?.({ turn, toolCall: { ...call, function: { name, arguments: args } } });
    if (!action || action.type === 'run') continue;
    if (action.type === 'stop') throw run.stopped(action.reason);
    if (action.type === 'skip') return result(call, textContent(toolFeedback.skipped(name, action.reason)), true);
    args = action.arguments;
  }
  const tool = run.config.tools.find((candidate) => candidate.name === name);
  let toolResult: ToolResult;
  if (!tool) toolResult = result(call, textContent(toolFeedback.unknownTool(name, run.config.tools.map((candidate) => candidate.name))), true);
  else {
    const validation = await validateToolArguments(tool, args);
    if (!validation.success) toolResult = result(call, textContent(toolFeedback.invalidArguments(name, validation.issues)), true);
    else {
      const aborted = whenAborted(signal);
      try {
        const output = await Promise.race([Promise.resolve(tool.execute(validation.value, { signal, context: run.options.context, toolCallId: call.id, turn })), aborted.promise]);
        toolResult = result(call, toToolResultContent(output), false);
      } catch (error) {
        if (signal.aborted) throw error;
        if (PromptError.isInstance(error)) throw error;
        toolResult = result(call, textContent(ToolError.isInstance(error) ? error.message : toolFeedback.failed(name)), true);
      } finally {
        aborted.dispose();
      }
    }
  }
  for (const hook of run.hooks) {
    const action = await hook.afterToolResult?.({ turn, toolCall: call, result: toolResult });
    if (!action || action.type === 'keep') continue;
    if (action.type === 'stop') throw run.stopped(action.reason);
    toolResult = { ...toolResult, content: typeof action.content === 'string' ? textContent(action.content) : action.content };
  }
  return toolResult;
}

/**
 * Runs a turn's tool calls, at most `toolConcurrency` at once, and returns their results in call order. A tool that
 * does not exist, arguments that fail validation and a tool that throws all become results the model can act on;
 * the run's signal cancels running tools at once.
 */
export async function executeToolCalls(run: AgentRun, calls: readonly ToolCall[]): Promise<ToolResult[]> {
  const signal = run.options.signal ?? new AbortController().signal;
  const results = new Array<ToolResult>(calls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls.length) {
      const index = next++;
      const call = calls[index]!;
      results[index] = await wrapToolCallHooks(run.hooks, { run: run.info, turn: run.turn, toolCall: call }, () => runOne(run, call, signal));
    }
  };
  const concurrency = Math.max(1, Math.min(run.options.toolConcurrency ?? 1, calls.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
