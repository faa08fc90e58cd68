import { PromptError, type OneOrMany, type ToolCall, type ToolResult, type ToolResultContent } from '@rig-ts/core';
import type { AgentRun } from './agent-run.js';
import type { Tool } from './tool.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';
import { toToolResultContent } from './tool-output.js';
import { validateToolArguments } from './validate-tool-arguments.js';

/** Timers longer than this fire at once in every runtime: such a limit means none. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function textContent(text: string): OneOrMany<ToolResultContent> {
  return [{ type: 'text', text }];
}

function result(call: ToolCall, content: OneOrMany<ToolResultContent>, isError: boolean): ToolResult {
  const toolResult: ToolResult = { type: 'tool-result', id: call.id, name: call.function.name, content };
  if (call.callId !== undefined) toolResult.callId = call.callId;
  if (isError) toolResult.isError = true;
  return toolResult;
}

type Execution = { output: unknown } | { thrown: unknown; timedOut: boolean };

/**
 * Runs `tool.execute` under the tool's time limit, with a signal of its own that aborts when the run's signal does
 * (the caller's reason) or when the limit passes (a `TimeoutError`). A cancelled run rejects with the signal's reason
 * at once, even if the tool never settles; a tool past its limit is abandoned.
 */
async function executeWithinLimit(run: AgentRun, tool: Tool, args: unknown, call: ToolCall, runSignal: AbortSignal): Promise<Execution> {
  runSignal.throwIfAborted();
  const timeoutMs = run.toolTimeoutMs(tool);
  const controller = new AbortController();
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_resolve, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const onRunAbort = (): void => {
    controller.abort(runSignal.reason);
    stop(runSignal.reason);
  };
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  let timedOut = false;
  const timer =
    timeoutMs <= LONGEST_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          const reason = new DOMException(`tool "${tool.name}" did not finish within ${timeoutMs} ms`, 'TimeoutError');
          controller.abort(reason);
          stop(reason);
        }, timeoutMs)
      : undefined;
  try {
    const context = { signal: controller.signal, context: run.options.context, toolCallId: call.id, turn: run.turn };
    const output: unknown = await Promise.race([new Promise((resolve) => resolve(tool.execute(args, context))), stopped]);
    return { output };
  } catch (thrown) {
    if (runSignal.aborted) throw runSignal.reason;
    return { thrown, timedOut };
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  }
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
      const execution = await executeWithinLimit(run, tool, validation.value, call, signal);
      if ('output' in execution) toolResult = result(call, toToolResultContent(execution.output), false);
      else if (execution.timedOut) toolResult = result(call, textContent(toolFeedback.timedOut(name, run.toolTimeoutMs(tool))), true);
      else if (PromptError.isInstance(execution.thrown)) throw execution.thrown;
      else toolResult = result(call, textContent(ToolError.isInstance(execution.thrown) ? execution.thrown.message : toolFeedback.failed(name)), true);
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
 * The one place tools run: a turn's tool calls, at most `toolConcurrency` at once, results in call order. A tool that
 * does not exist, arguments that fail validation, a tool that throws and a tool past its time limit all become results
 * the model can act on; the run's signal reaches each tool and cancels the run at once.
 */
export async function executeToolCalls(run: AgentRun, calls: readonly ToolCall[]): Promise<ToolResult[]> {
  const signal = run.options.signal ?? new AbortController().signal;
  const results = new Array<ToolResult>(calls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls.length) {
      const index = next++;
      results[index] = await runOne(run, calls[index]!, signal);
    }
  };
  const concurrency = Math.min(run.toolConcurrency, calls.length);
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
