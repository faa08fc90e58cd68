import type {
  CompletionRequest,
  CompletionResponse,
  OneOrMany,
  StreamedAssistantContent,
  ToolCall,
  ToolResult,
  ToolResultContent,
} from '@rig-ts/core';
import type {
  AgentRunEndEvent,
  AgentRunStartAction,
  AgentRunStartEvent,
  ToolCallWrapEvent,
} from './agent-run-events.js';

/** Request fields a hook may replace for one model call. */
export type RequestPatch = Partial<
  Pick<
    CompletionRequest,
    | 'preamble'
    | 'temperature'
    | 'maxTokens'
    | 'toolChoice'
    | 'tools'
    | 'documents'
    | 'additionalParams'
    | 'outputSchema'
    | 'providerOptions'
    | 'model'
  >
>;

/** What a hook decides before a model call: go on (`undefined` too), patch the request, or stop the run. */
export type BeforeCompletionAction =
  { type: 'continue' } | { type: 'patch'; patch: RequestPatch } | { type: 'stop'; reason: string };

/** What a hook decides after a model response: go on (`undefined` too) or stop the run. */
export type AfterCompletionAction = { type: 'continue' } | { type: 'stop'; reason: string };

/** What a hook decides before a tool runs: run it (`undefined` too), skip it (the model is told why), run it with other arguments, or stop the run. */
export type BeforeToolCallAction =
  | { type: 'run' }
  | { type: 'skip'; reason: string }
  | { type: 'rewrite'; arguments: unknown }
  | { type: 'stop'; reason: string };

/** What a hook decides after a tool ran: keep the result (`undefined` too), replace what the model sees, or stop the run. */
export type AfterToolResultAction =
  | { type: 'keep' }
  | { type: 'rewrite'; content: string | OneOrMany<ToolResultContent> }
  | { type: 'stop'; reason: string };

type Maybe<T> = T | void | undefined | Promise<T | void | undefined>;

/**
 * Observes and steers an agent run. Hooks run in the order they were added; patches and rewrites chain from one
 * hook to the next, and the first `skip` or `stop` wins. A `stop` ends the run with a `cancelled` PromptError
 * carrying the reason and the conversation so far.
 */
export interface AgentHook {
  /** Before each model call (`turn` counts model calls from 1). */
  beforeCompletion?(event: { turn: number; request: CompletionRequest }): Maybe<BeforeCompletionAction>;
  /** After each model response. */
  afterCompletion?(event: {
    turn: number;
    request: CompletionRequest;
    response: CompletionResponse;
  }): Maybe<AfterCompletionAction>;
  /** Before each tool call runs. */
  beforeToolCall?(event: { turn: number; toolCall: ToolCall }): Maybe<BeforeToolCallAction>;
  /**
   * After each tool result, before the model sees it. `error` is the exception behind an error result, as it was
   * thrown — what the tool threw (any value), the `TimeoutError` of its time limit, or why its result could not be
   * serialized — while the model sees only a safe message; it is absent for the results that involve no exception
   * (unknown tool, invalid arguments, a hook's skip).
   */
  afterToolResult?(event: {
    turn: number;
    toolCall: ToolCall;
    result: ToolResult;
    error?: unknown;
  }): Maybe<AfterToolResultAction>;
  /** On each streamed item (streaming runs only). */
  onStreamItem?(event: { turn: number; item: StreamedAssistantContent }): void;
  /**
   * When a run starts (synchronously, inside the call that starts it), before its first model call. Returning
   * `{ model }` makes this run call that model instead (a wrapper of `event.model`, e.g. one bound to a trace).
   * Must not throw.
   */
  onRunStart?(event: AgentRunStartEvent): AgentRunStartAction | void;
  /** Once per started run, when it ends: completed, failed or cancelled (a stream nobody reads to the end never ends). */
  onRunEnd?(event: AgentRunEndEvent): void;
  /**
   * Runs around the whole handling of one tool call (the other tool hooks, validation, execution): call `next` once and
   * return its result (or another). The first hook added is the outermost; with `toolConcurrency` several run at once.
   */
  wrapToolCall?(event: ToolCallWrapEvent, next: () => Promise<ToolResult>): Promise<ToolResult>;
}
