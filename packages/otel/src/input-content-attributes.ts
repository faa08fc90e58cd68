import type { Attributes } from '@opentelemetry/api';
import type { CompletionRequest, Message, ToolDefinition } from '@rig-ts/core';
import { capContent } from './cap-content.js';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
} from './gen-ai-attributes.js';
import { inputMessagesOf, systemInstructionsOf, toolDefinitionsOf } from './to-gen-ai-messages.js';

/** What a model call or an agent run sends the model. */
export interface InputContent {
  preamble: string | undefined;
  documents: CompletionRequest['documents'];
  /** The conversation, prompt last. */
  messages: readonly Message[];
  tools: readonly Pick<ToolDefinition, 'name' | 'description'>[];
}

/**
 * The content attributes of what is sent, each JSON capped at `maxLength` characters (`capContent`):
 * `gen_ai.system_instructions` (when there is a preamble), `gen_ai.input.messages` (the documents message, then the
 * conversation) and `gen_ai.tool.definitions` (when there are tools). Recorded only when telemetry captures content.
 */
export function inputContentAttributes(input: InputContent, maxLength: number): Attributes {
  const attributes: Attributes = {};
  if (input.preamble !== undefined)
    attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = capContent(systemInstructionsOf(input.preamble), maxLength);
  attributes[ATTR_GEN_AI_INPUT_MESSAGES] = capContent(inputMessagesOf(input.documents, input.messages), maxLength);
  if (input.tools.length > 0)
    attributes[ATTR_GEN_AI_TOOL_DEFINITIONS] = capContent(toolDefinitionsOf(input.tools), maxLength);
  return attributes;
}
