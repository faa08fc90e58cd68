import type { ToolChoice, ToolDefinition, Warning } from '@rig-ts/core';
import { strictToolUnsupportedWarning } from '@rig-ts/core/internal';
import type { OllamaToolDefinition } from './ollama-api-types.js';

/** Wire tools and warnings. */
export interface OllamaPreparedTools {
  tools?: OllamaToolDefinition[];
  warnings: Warning[];
}

/**
 * Tool definitions + tool choice → Ollama `tools`. Ollama has no tool choice: `none` sends no tools, a specific choice
 * sends only the named tools, and neither it nor `required` can force a call (a warning says so).
 */
export function prepareOllamaTools(
  definitions: readonly ToolDefinition[],
  toolChoice: ToolChoice | undefined,
): OllamaPreparedTools {
  const warnings: Warning[] = [];
  if (definitions.length === 0 || toolChoice === 'none') return { warnings };
  let offered = definitions;
  if (toolChoice === 'required' || typeof toolChoice === 'object') {
    warnings.push({
      type: 'unsupported',
      feature: 'toolChoice',
      details: 'Ollama cannot force a tool call; the model may answer without one',
    });
    if (typeof toolChoice === 'object')
      offered = definitions.filter((definition) => toolChoice.functionNames.includes(definition.name));
  }
  return {
    tools: offered.map((definition) => {
      if (definition.strict) warnings.push(strictToolUnsupportedWarning('Ollama', definition.name));
      return {
        type: 'function',
        function: { name: definition.name, description: definition.description, parameters: definition.parameters },
      };
    }),
    warnings,
  };
}
