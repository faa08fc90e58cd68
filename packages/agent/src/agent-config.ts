import type { CompletionModel, Document, JsonObject, OutputSchema, ProviderOptions, ToolChoice } from '@rig-ts/core';
import type { AgentHook } from './agent-hook.js';
import type { OutputMode } from './output-mode.js';
import type { Tool } from './tool.js';
import type { ToolSource } from './tool-source.js';

/** Everything an agent is made of; built by `AgentBuilder`. */
export interface AgentConfig {
  model: CompletionModel;
  name?: string;
  description?: string;
  preamble?: string;
  /** Static context, rendered into every request as Rig renders documents. */
  documents: readonly Document[];
  /** Tools offered on every turn. */
  tools: readonly Tool[];
  /** Called before each model call for that call's tools, offered beside `tools` (see {@link ToolSource}). @default none */
  toolSources?: readonly ToolSource[];
  toolChoice?: ToolChoice;
  temperature?: number;
  maxTokens?: number;
  additionalParams?: JsonObject;
  outputSchema?: OutputSchema;
  /** How the output schema is asked for. @default 'auto' */
  outputMode?: OutputMode;
  providerOptions?: ProviderOptions;
  defaultMaxTurns: number;
  /** Longest a tool may run unless it sets its own `timeoutMs`, in ms. @default 60 s (`DEFAULT_TOOL_TIMEOUT_MS`) */
  toolTimeoutMs?: number;
  hooks: readonly AgentHook[];
}
