import type { CallOptions, FinishReason, Message, Usage } from '@rig-ts/core';
import type { AgentHook } from './agent-hook.js';
import type { OutputMode } from './output-mode.js';

/** Per-call options of an agent run. */
export interface AgentRunOptions<Context = unknown> extends CallOptions {
  /** The conversation before the prompt (for `prompt`; `chat` takes it as an argument). */
  history?: readonly Message[];
  /**
   * Most model calls this run may make, counting the first: an integer of at least 1 (anything else rejects the run
   * before any call, with a `completion` PromptError whose cause is a `request` CompletionError).
   * @default the agent's `defaultMaxTurns`
   */
  maxTurns?: number;
  /** Values for the tools' `context`; never shown to the model. */
  context?: Context;
  /** How many tool calls of one turn run at once (an integer of at least 1, or `Infinity`); results go back in call order. @default 1 */
  toolConcurrency?: number;
  /** How the output schema (the agent's, or `promptTyped`'s) is asked for on this run. @default the agent's (`'auto'`) */
  outputMode?: OutputMode;
  /** Hooks for this run only, after the agent's own. */
  hooks?: readonly AgentHook[];
}

/** One model call of a run, as `extendedDetails` reports it. */
export interface CompletionCall {
  /** 1-based. */
  turn: number;
  usage: Usage;
  finishReason: FinishReason;
  rawFinishReason?: string;
  id?: string;
  model?: string;
  requestId?: string;
  rawResponse: unknown;
}

/** The whole result of a run (`extendedDetails: true`). */
export interface PromptResponse {
  /** The text of the final answer. */
  output: string;
  /** Summed over every model call. */
  usage: Usage;
  /** This run's new messages: the prompt, each assistant turn, each batch of tool results. */
  messages: Message[];
  /** One record per model call. */
  calls: CompletionCall[];
}

/** Model calls a run may make by default: room for a few rounds of tool calls, then the answer. */
export const DEFAULT_MAX_TURNS = 5;
