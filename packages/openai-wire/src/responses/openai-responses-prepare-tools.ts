import type { ToolChoice, ToolDefinition, Warning } from '@rig-ts/core';
import { isSentStrict } from '../strict-tool.js';
import type { ResponsesFunctionTool, ResponsesToolChoice } from './openai-responses-api-types.js';

/** Responses API tools and tool choice for a request. */
export interface PreparedResponsesTools {
  tools: ResponsesFunctionTool[] | undefined;
  toolChoice: ResponsesToolChoice | undefined;
  warnings: Warning[];
}

/**
 * Function tools (strict when the definition asks for it or, with `strictTools`, when the schema already meets strict
 * mode) and the tool choice; several specific names become an `allowed_tools` choice.
 */
export function prepareOpenAIResponsesTools(
  tools: readonly ToolDefinition[],
  toolChoice: ToolChoice | undefined,
  strictTools = true,
): PreparedResponsesTools {
  const warnings: Warning[] = [];
  if (tools.length === 0) return { tools: undefined, toolChoice: undefined, warnings };
  const prepared = tools.map((tool): ResponsesFunctionTool => {
    const wire: ResponsesFunctionTool = {
      type: 'function',
      name: tool.name,
      parameters: tool.parameters,
      strict: isSentStrict(tool, strictTools, warnings),
    };
    if (tool.description) wire.description = tool.description;
    return wire;
  });
  let choice: ResponsesToolChoice | undefined;
  if (typeof toolChoice === 'string') choice = toolChoice;
  else if (toolChoice) {
    const names = toolChoice.functionNames;
    choice =
      names.length === 1
        ? { type: 'function', name: names[0] }
        : {
            type: 'allowed_tools',
            mode: 'required',
            tools: names.map((name) => ({ type: 'function' as const, name })),
          };
  }
  return { tools: prepared, toolChoice: choice, warnings };
}
