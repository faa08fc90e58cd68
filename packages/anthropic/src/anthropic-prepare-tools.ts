import { type OutputSchema, type ToolChoice, type ToolDefinition, type Warning } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-api-types.js';
import type { AnthropicContentOptions } from './anthropic-options.js';

/** The name of the tool that carries structured output when the model has no JSON-schema output. */
export const JSON_TOOL_NAME = 'json';

/** What {@link prepareAnthropicTools} prepares. */
export interface AnthropicToolsInput {
  tools: readonly ToolDefinition[];
  toolChoice?: ToolChoice | undefined;
  disableParallelToolUse?: boolean | undefined;
  /** Structured output through a forced `json` tool. */
  jsonTool?: OutputSchema | undefined;
  /** Extended thinking is on: the API then refuses a forced tool choice. */
  thinking?: boolean;
}

/** Wire `tools` and `tool_choice` (absent when there are no tools), with warnings. */
export interface AnthropicPreparedTools {
  tools?: AnthropicTool[];
  toolChoice?: AnthropicToolChoice;
  warnings: Warning[];
}

/**
 * Tool definitions and the tool choice in Anthropic's shape: `auto` → `{type:'auto'}` (also the default when tools are
 * declared), `none` → `{type:'none'}`, `required` → `{type:'any'}`, one named function → `{type:'tool', name}`.
 * `providerOptions.anthropic.cacheControl` on a tool adds a `cache_control` breakpoint. With `jsonTool`, a `json`
 * tool is appended and forced when it is the only tool and thinking is off.
 * @throws {CompletionError} of kind `request` when the choice names several functions (Anthropic forces one), or a
 * declared tool is named `json` while structured output needs that name.
 */
export function prepareAnthropicTools(input: AnthropicToolsInput): AnthropicPreparedTools {
  const warnings: Warning[] = [];
  const tools: AnthropicTool[] = input.tools.map((tool) => {
    const wire: AnthropicTool = { name: tool.name, description: tool.description, input_schema: tool.parameters };
    if (tool.strict) wire.strict = true;
    const cacheControl = (tool.providerOptions?.anthropic as AnthropicContentOptions | undefined)?.cacheControl;
    if (cacheControl !== undefined) wire.cache_control = cacheControl;
    return wire;
  });
  const choice = input.toolChoice;
  let toolChoice: AnthropicToolChoice;
  if (choice === undefined || choice === 'auto') toolChoice = { type: 'auto' };
  else if (choice === 'none') toolChoice = { type: 'none' };
  else if (choice === 'required') toolChoice = { type: 'any' };
  else {
    if (choice.functionNames.length !== 1) {
      throw invalidRequest(
        `toolChoice names ${choice.functionNames.length} functions (${choice.functionNames.join(', ')}); Anthropic can force exactly one`,
        'toolChoice.functionNames',
      );
    }
    toolChoice = { type: 'tool', name: choice.functionNames[0]! };
  }
  const jsonTool = input.jsonTool;
  if (jsonTool !== undefined) {
    if (tools.some((tool) => tool.name === JSON_TOOL_NAME)) {
      throw invalidRequest(
        `a tool is named "${JSON_TOOL_NAME}", the name structured output needs on this model; rename it or use structuredOutputMode 'native'`,
        'tools',
      );
    }
    if (tools.length === 0 && !input.thinking) toolChoice = { type: 'tool', name: JSON_TOOL_NAME };
    tools.push({
      name: JSON_TOOL_NAME,
      description: jsonTool.description ?? 'Respond with a JSON object.',
      input_schema: jsonTool.schema,
    });
  }
  if (tools.length === 0) return { warnings };
  if (input.thinking && (toolChoice.type === 'any' || toolChoice.type === 'tool')) {
    warnings.push({
      type: 'unsupported',
      feature: 'toolChoice',
      details: `Anthropic cannot force tool use while thinking is enabled; "auto" was sent instead`,
    });
    toolChoice = { type: 'auto' };
  }
  if (input.disableParallelToolUse && toolChoice.type !== 'none') toolChoice.disable_parallel_tool_use = true;
  return { tools, toolChoice, warnings };
}
