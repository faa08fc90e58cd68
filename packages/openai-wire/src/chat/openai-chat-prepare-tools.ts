import { type ToolChoice, type ToolDefinition, type Warning } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import { isSentStrict } from '../strict-tool.js';
import type { ChatFunctionTool, ChatToolChoice } from './openai-chat-api-types.js';
import type { ChatQuirks } from './openai-chat-quirks.js';

/** Chat Completions tools and tool choice for a request. */
export interface PreparedChatTools {
  tools: ChatFunctionTool[] | undefined;
  toolChoice: ChatToolChoice | undefined;
  warnings: Warning[];
}

/**
 * Function tools (strict where the schema allows and the server takes it) and the tool choice. Chat Completions
 * forces one specific function at most: several names are a `request` error.
 */
export function prepareOpenAIChatTools(
  tools: readonly ToolDefinition[],
  toolChoice: ToolChoice | undefined,
  quirks: ChatQuirks,
  strictTools = true,
): PreparedChatTools {
  const warnings: Warning[] = [];
  if (tools.length === 0) return { tools: undefined, toolChoice: undefined, warnings };
  if (!quirks.tools) {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details: 'this server takes no function tools; they were not sent',
    });
    return { tools: undefined, toolChoice: undefined, warnings };
  }
  const prepared = tools.map((tool): ChatFunctionTool => {
    const wire: ChatFunctionTool = { type: 'function', function: { name: tool.name, parameters: tool.parameters } };
    if (tool.description) wire.function.description = tool.description;
    if (quirks.strict) {
      if (isSentStrict(tool, strictTools, warnings)) wire.function.strict = true;
    } else if (tool.strict)
      warnings.push({
        type: 'unsupported',
        feature: `strict tool ${tool.name}`,
        details: 'this server takes no strict tools',
      });
    return wire;
  });
  if (toolChoice === undefined) return { tools: prepared, toolChoice: undefined, warnings };
  if (!quirks.toolChoice) {
    warnings.push({
      type: 'unsupported',
      feature: 'toolChoice',
      details: 'this server takes no tool_choice; the model decides',
    });
    return { tools: prepared, toolChoice: undefined, warnings };
  }
  if (typeof toolChoice === 'string') return { tools: prepared, toolChoice, warnings };
  if (toolChoice.functionNames.length > 1) {
    throw invalidRequest(
      'toolChoice: Chat Completions can force one specific function only',
      'toolChoice.functionNames',
    );
  }
  return {
    tools: prepared,
    toolChoice: { type: 'function', function: { name: toolChoice.functionNames[0] } },
    warnings,
  };
}
