import type { CompletionRequest } from '@rig-ts/core';
import type { AgentConfig } from './agent-config.js';
import { toolDefinition } from './tool.js';

/** The fields of a request that an agent's settings fill in: everything but the conversation and the model id. */
export type AgentRequestSettings = Omit<CompletionRequest, 'chatHistory' | 'model'>;

/** The request fields of an agent's settings, the same for each model call of a run and for `agent.completion`'s builder. */
export function agentRequestSettings(config: AgentConfig): AgentRequestSettings {
  const settings: AgentRequestSettings = { documents: config.documents, tools: config.tools.map(toolDefinition) };
  if (config.preamble !== undefined) settings.preamble = config.preamble;
  if (config.toolChoice !== undefined) settings.toolChoice = config.toolChoice;
  if (config.temperature !== undefined) settings.temperature = config.temperature;
  if (config.maxTokens !== undefined) settings.maxTokens = config.maxTokens;
  if (config.additionalParams !== undefined) settings.additionalParams = config.additionalParams;
  if (config.outputSchema !== undefined) settings.outputSchema = config.outputSchema;
  if (config.providerOptions !== undefined) settings.providerOptions = config.providerOptions;
  return settings;
}
