export { Agent } from './agent.js';
export type { AgentTypedOptions } from './agent.js';
export type { AgentAsToolOptions, AgentAsTypedToolOptions } from './agent-as-tool.js';
export type { AgentToolArguments } from './agent-tool-arguments.js';
export { AgentBuilder } from './agent-builder.js';
export type { AgentConfig } from './agent-config.js';
export type {
  AfterCompletionAction,
  AfterToolResultAction,
  AgentHook,
  BeforeCompletionAction,
  BeforeToolCallAction,
  RequestPatch,
} from './agent-hook.js';
export type {
  AgentRunEndEvent,
  AgentRunInfo,
  AgentRunStartAction,
  AgentRunStartEvent,
  ToolCallWrapEvent,
} from './agent-run-events.js';
export { DEFAULT_MAX_TURNS } from './agent-run-options.js';
export type { OutputMode } from './output-mode.js';
export { DEFAULT_TOOL_TIMEOUT_MS } from './run-limits.js';
export type { AgentRunOptions, CompletionCall, PromptResponse } from './agent-run-options.js';
export { AgentStream } from './agent-stream.js';
export { tool } from './tool.js';
export type { Tool, ToolContext } from './tool.js';
export type { ToolSource, ToolSourceEvent } from './tool-source.js';
export { toolContent } from './tool-output.js';
export type { ToolContent } from './tool-output.js';
export { ToolError } from './tool-error.js';
export { toolFeedback } from './tool-feedback.js';
export { usageTracker } from './usage-tracker.js';
export type { UsageTracker } from './usage-tracker.js';
export { rawResponseLogger } from './raw-response-logger.js';
export type { RawResponseLogEntry } from './raw-response-logger.js';
export { fallback, FallbackModel } from './fallback.js';
export type { FallbackOptions } from './fallback.js';
