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

/** Throws when a block could not be put in a request (the wire body is JSON). */
function checkBlock(block: ToolResultContent): void {
  if (typeof block !== 'object' || block === null) throw new TypeError('a content block is not an object');
  if (block.type === 'text') {
    if (typeof block.text !== 'string') throw new TypeError('a text block has no text string');
  } else if (block.type === 'json') {
    // Throws on cycles, BigInt and throwing toJSON; undefined for functions, symbols and undefined.
    if (JSON.stringify(block.value) === undefined)
      throw new TypeError(`a JSON block holds a ${typeof block.value}, which JSON cannot represent`);
  } else if (block.type !== 'image')
    throw new TypeError(
      `a content block has the unknown type ${JSON.stringify(String((block as { type?: unknown }).type))}`,
    );
}

/**
 * What a tool returned, as tool-result content: strings as text, `toolContent` as given, `undefined` as
 * `(no output)`, anything else as JSON. Throws a `TypeError` saying why when the result cannot be sent to a model (a
 * cycle, a BigInt, a function, an empty or malformed `toolContent`).
 */
export function toToolResultContent(output: unknown): OneOrMany<ToolResultContent> {
  if (typeof output === 'string') return [{ type: 'text', text: output }];
  if (output === undefined) return [{ type: 'text', text: '(no output)' }];
  let content: OneOrMany<ToolResultContent>;
  if (typeof output === 'object' && output !== null && TOOL_CONTENT in output) {
    content = (output as ToolContent)[TOOL_CONTENT];
    if (!Array.isArray(content) || content.length === 0)
      throw new TypeError('toolContent() was given no content blocks');
  } else content = [{ type: 'json', value: output }];
  for (const block of content) checkBlock(block);
  return content;
}
