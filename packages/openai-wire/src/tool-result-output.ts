import type { ToolResultContent } from '@rig-ts/core';

/** A tool result as one string (text joined, JSON stringified), or `undefined` when it holds an image. */
export function toolResultText(content: readonly ToolResultContent[]): string | undefined {
  let text = '';
  for (const part of content) {
    if (part.type === 'image') return undefined;
    text += part.type === 'text' ? part.text : JSON.stringify(part.value);
  }
  return text;
}
