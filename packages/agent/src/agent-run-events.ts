import type { CompletionModel, CompletionResponse, Message, ToolCall, ToolResult, Usage } from '@rig-ts/core';
import type { AgentConfig } from './agent-config.js';
import type { AgentHook } from './agent-hook.js';
import type { AgentRunOptions } from './agent-run-options.js';

/** One agent run as hooks see it: the same object in every run event, so a hook can keep per-run state in a `WeakMap`. */
export interface AgentRunInfo {
  /** The agent's settings for this run (model, name, description, preamble, tools…). */
  readonly config: AgentConfig;
  /** The prompt of this run. */
  readonly prompt: Message;
  /** The conversation before the prompt. */
  readonly history: readonly Message[];
  /** The options the run was called with. */
  readonly options: AgentRunOptions;
  /** The run streams (`streamPrompt`, `streamChat`, `streamTyped`): it advances only as its consumer reads. */
  readonly streaming: boolean;
}

/** `onRunStart`'s event. */
export interface AgentRunStartEvent {
  run: AgentRunInfo;
  /** The model this run will call: the agent's, or what an earlier hook's `onRunStart` returned. */
  model: CompletionModel;
}

/** What `onRunStart` may return: a model this run calls instead (usually a wrapper of `event.model`). */
export interface AgentRunStartAction {
  model?: CompletionModel;
}

/** `onRunEnd`'s event: exactly one of a final `response`, an `error`, or `cancelled`. */
export interface AgentRunEndEvent {
  run: AgentRunInfo;
  /** Summed over every model call of the run. */
  usage: Usage;
  /** The final answer (its own usage), when the run completed. */
  response?: CompletionResponse;
  /** What the run failed with (a `PromptError` for the run's own failures), or the cancellation reason. */
  error?: unknown;
  /** The run's stream was cancelled by its consumer before the final answer. */
  cancelled: boolean;
}

/** `wrapToolCall`'s event. */
export interface ToolCallWrapEvent {
  run: AgentRunInfo;
  /** The model call (from 1) that asked for the tool. */
  turn: number;
  /** The call as the model made it. */
  toolCall: ToolCall;
  /**
   * The description of the tool offered on this turn under the call's name (a static tool or one from a tool source);
   * absent when that tool has none, or when no tool of that name was offered (the call then gets the unknown-tool
   * feedback).
   */
  toolDescription?: string;
}

/** How a run ended, as its loop reports it. */
export type AgentRunOutcome =
  { response: CompletionResponse } | { error: unknown } | { cancelled: true; error?: unknown };

/** Calls every hook's `onRunStart` in order; returns the model the run calls. */
export function startRunHooks(hooks: readonly AgentHook[], run: AgentRunInfo): CompletionModel {
  let model = run.config.model;
  for (const hook of hooks) {
    const action = hook.onRunStart?.({ run, model });
    if (action?.model) model = action.model;
  }
  return model;
}

/** Calls every hook's `onRunEnd` in order. */
export function endRunHooks(
  hooks: readonly AgentHook[],
  run: AgentRunInfo,
  usage: Usage,
  outcome: AgentRunOutcome,
): void {
  const event: AgentRunEndEvent = { run, usage, cancelled: 'cancelled' in outcome };
  if ('response' in outcome) event.response = outcome.response;
  else if (outcome.error !== undefined) event.error = outcome.error;
  for (const hook of hooks) hook.onRunEnd?.(event);
}

/** Runs `handle` inside every hook's `wrapToolCall`; the first hook added is the outermost. */
export function wrapToolCallHooks(
  hooks: readonly AgentHook[],
  event: ToolCallWrapEvent,
  handle: () => Promise<ToolResult>,
): Promise<ToolResult> {
  let next = handle;
  for (let index = hooks.length - 1; index >= 0; index--) {
    const hook = hooks[index]!;
    if (!hook.wrapToolCall) continue;
    const inner = next;
    next = () => hook.wrapToolCall!(event, inner);
  }
  return next();
}
