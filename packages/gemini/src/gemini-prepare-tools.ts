import type { ToolChoice, ToolDefinition, Warning } from '@rig-ts/core';
import { strictToolUnsupportedWarning } from '@rig-ts/core/internal';
import type { GeminiTool, GeminiToolConfig } from './gemini-api-types.js';
import type { GeminiProviderTool } from './gemini-options.js';

/** Wire tools, tool config and warnings. */
export interface GeminiPreparedTools {
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  warnings: Warning[];
}

/**
 * Tool definitions + tool choice → Gemini `tools` (one `functionDeclarations` entry, with the JSON Schema sent as
 * `parametersJsonSchema`, then the provider tools) and `toolConfig.functionCallingConfig`
 * (`auto` → AUTO, `none` → NONE, `required` → ANY, specific → ANY + `allowedFunctionNames`).
 */
export function prepareGeminiTools(
  definitions: readonly ToolDefinition[],
  toolChoice: ToolChoice | undefined,
  providerTools: readonly GeminiProviderTool[] = [],
): GeminiPreparedTools {
  const warnings: Warning[] = [];
  const tools: GeminiTool[] = [];
  if (definitions.length > 0) {
    tools.push({
      functionDeclarations: definitions.map((definition) => {
        if (definition.strict) warnings.push(strictToolUnsupportedWarning('Gemini', definition.name));
        return {
          name: definition.name,
          description: definition.description,
          parametersJsonSchema: definition.parameters,
        };
      }),
    });
  }
  tools.push(...providerTools);
  const prepared: GeminiPreparedTools = { warnings };
  if (tools.length > 0) prepared.tools = tools;
  if (toolChoice !== undefined && definitions.length > 0) {
    prepared.toolConfig = {
      functionCallingConfig:
        toolChoice === 'auto'
          ? { mode: 'AUTO' }
          : toolChoice === 'none'
            ? { mode: 'NONE' }
            : toolChoice === 'required'
              ? { mode: 'ANY' }
              : { mode: 'ANY', allowedFunctionNames: [...toolChoice.functionNames] },
    };
  }
  return prepared;
}
