import type { OneOrMany, ToolResultContent } from '@rig-ts/core';

const TOOL_CONTENT: unique symbol = Symbol.for('rig-ts.agent.toolContent');

/** A rich tool result: return `toolContent([...])` from `execute` to send text, images and JSON blocks as they are. */
export interface ToolContent {
  readonly [TOOL_CONTENT]: OneOrMany<ToolResultContent>;
}

/** Wraps content blocks as a tool's result. */
export function toolContent(blocks: OneOrMany<ToolResultContent>): ToolContent {
  return { [TOOL_CONTENT]: blocks };
}

/** What a tool returned, as tool-result content: strings as text, `toolContent` as given, anything else as JSON. */
export function toToolResultContent(output: unknown): OneOrMany<ToolResultContent> {
  if (typeof output === 'string') return [{ type: 'text', text: output }];
  if (typeof output === 'object' && output !== null && TOOL_CONTENT in output) return (output as ToolContent)[TOOL_CONTENT];
  if (output === undefined) return [{ type: 'text', text: '(no output)' }];
  return [{ type: 'json', value: output }];
}
