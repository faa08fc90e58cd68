import { PromptError, type OneOrMany, type ToolCall, type ToolResult, type ToolResultContent } from '@rig-ts/core';
import { untilAborted } from '@rig-ts/core/internal';
import { wrapToolCallHooks } from './agent-run-events.js';
import { describeThrown } from './describe-thrown.js';
import type { AgentRun } from './agent-run.js';
import { runWithinLimit, type LimitedOutcome } from './run-within-limit.js';
import type { Tool } from './tool.js';
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

/**
 * Runs `tool.execute` under the tool's time limit (see `runWithinLimit`): its signal aborts when the run's signal does
 * or when the limit passes.
 */
function executeWithinLimit(
  run: AgentRun,
  tool: Tool,
  args: unknown,
  call: ToolCall,
  runSignal: AbortSignal,
): Promise<LimitedOutcome> {
  const timeoutMs = run.toolTimeoutMs(tool);
  return runWithinLimit(
    (signal) =>
      tool.execute(args, {
        signal,
        context: run.options.context,
        toolCallId: call.id,
        turn: run.turn,
        reportUsage: (usage) => run.addToolUsage(usage),
      }),
    {
      runSignal,
      timeoutMs,
      timeoutMessage: `tool "${tool.name}" did not finish within ${timeoutMs} ms`,
    },
  );
}

/** How one call was answered: what the model sees, and the exception behind an error result (for hooks). */
interface Answer {
  content: OneOrMany<ToolResultContent>;
  isError: boolean;
  error?: unknown;
}

const feedback = (text: string): Answer => ({ content: textContent(text), isError: true });

/** What a thrown value is, read defensively (a hostile Proxy may throw on any access). */
function classifyThrown(
  thrown: unknown,
): { kind: 'prompt-error' } | { kind: 'tool-error'; message: string } | { kind: 'other' } {
  try {
    if (PromptError.isInstance(thrown)) return { kind: 'prompt-error' };
    if (ToolError.isInstance(thrown) && typeof thrown.message === 'string')
      return { kind: 'tool-error', message: thrown.message };
  } catch {
    // Not one of ours.
  }
  return { kind: 'other' };
}

async function answer(run: AgentRun, call: ToolCall, args: unknown, signal: AbortSignal): Promise<Answer> {
  const name = call.function.name;
  const tool = run.tools.find((candidate) => candidate.name === name);
  if (!tool)
    return feedback(
      toolFeedback.unknownTool(
        name,
        run.tools.map((candidate) => candidate.name),
      ),
    );
  // Arguments the model wrote that are not JSON (unless a hook rewrote them): it is asked for JSON again.
  if (call.unparseableArguments !== undefined && args === call.function.arguments)
    return feedback(toolFeedback.unparseableArguments(name));
  let validation: Awaited<ReturnType<typeof validateToolArguments>>;
  try {
    validation = await validateToolArguments(tool, args);
    if (typeof validation !== 'object' || validation === null || typeof validation.success !== 'boolean')
      throw new TypeError('the validator returned no { success } result');
  } catch (error) {
    // The same call would fail every time, whatever the model sends: a bug to fix, not feedback.
    throw run.toolFailure(
      name,
      `tool "${name}" cannot check its arguments: its validator failed: ${describeThrown(error)}`,
      error,
    );
  }
  if (!validation.success) return feedback(toolFeedback.invalidArguments(name, validation.issues));
  const execution = await executeWithinLimit(run, tool, validation.value, call, signal);
  if ('output' in execution) {
    try {
      return { content: toToolResultContent(execution.output), isError: false };
    } catch (error) {
      return { ...feedback(toolFeedback.unserializable(name)), error };
    }
  }
  if (execution.timedOut)
    return { ...feedback(toolFeedback.timedOut(name, run.toolTimeoutMs(tool))), error: execution.thrown };
  const thrown = classifyThrown(execution.thrown);
  if (thrown.kind === 'prompt-error') throw execution.thrown;
  return {
    ...feedback(thrown.kind === 'tool-error' ? thrown.message : toolFeedback.failed(name)),
    error: execution.thrown,
  };
}

async function runOne(run: AgentRun, call: ToolCall, signal: AbortSignal): Promise<ToolResult> {
  const turn = run.turn;
  const name = call.function.name;
  let args = call.function.arguments;
  for (const hook of run.hooks) {
    const action = await untilAborted(
      hook.beforeToolCall?.({ turn, toolCall: { ...call, function: { name, arguments: args } } }),
      signal,
    );
    if (!action || action.type === 'run') continue;
    if (action.type === 'stop') throw run.stopped(action.reason);
    if (action.type === 'skip') return result(call, textContent(toolFeedback.skipped(name, action.reason)), true);
    args = action.arguments;
  }
  const answered = await answer(run, call, args, signal);
  let toolResult = result(call, answered.content, answered.isError);
  for (const hook of run.hooks) {
    const event =
      'error' in answered
        ? { turn, toolCall: call, result: toolResult, error: answered.error }
        : { turn, toolCall: call, result: toolResult };
    const action = await untilAborted(hook.afterToolResult?.(event), signal);
    if (!action || action.type === 'keep') continue;
    if (action.type === 'stop') throw run.stopped(action.reason);
    toolResult = {
      ...toolResult,
      content: typeof action.content === 'string' ? textContent(action.content) : action.content,
    };
  }
  return toolResult;
}

/**
 * The one place tools run: a turn's tool calls, at most `toolConcurrency` at once, results in call order. A tool
 * that does not exist, arguments that are not JSON or fail validation, a tool that throws (anything), a tool past its
 * time limit and a result that cannot be serialized all become error results the model can act on (a safe message;
 * hooks get the exception). A tool whose arguments cannot be checked at all (its validator throws) fails the
 * run with a `tool` PromptError; a PromptError a tool throws ends the run as it is; the run's signal reaches each tool
 * and cancels the run at once.
 */
export async function executeToolCalls(run: AgentRun, calls: readonly ToolCall[]): Promise<ToolResult[]> {
  const signal = run.options.signal ?? new AbortController().signal;
  const results = new Array<ToolResult>(calls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls.length) {
      const index = next++;
      const call = calls[index]!;
      const toolDescription = run.tools.find((candidate) => candidate.name === call.function.name)?.description;
      const event =
        toolDescription === undefined
          ? { run: run.info, turn: run.turn, toolCall: call }
          : { run: run.info, turn: run.turn, toolCall: call, toolDescription };
      results[index] = await untilAborted(
        wrapToolCallHooks(run.hooks, event, () => runOne(run, call, signal)),
        signal,
      );
    }
  };
  const concurrency = Math.min(run.toolConcurrency, calls.length);
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
