import type { JsonSchema } from '@rig-ts/core';
import type { SimTool } from './sim-conversation.js';

/** The text of a wire `content`: a string, or the `text` of its text parts (`text`, `input_text`, `output_text`), joined. */
export function wireText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (typeof part === 'string') text += part;
    else if (typeof part === 'object' && part !== null) {
      const record = part as { type?: unknown; text?: unknown; thought?: unknown };
      if (
        typeof record.text === 'string' &&
        record.thought !== true &&
        (record.type === undefined || /^(input_|output_)?text$/.test(String(record.type)))
      ) {
        text += record.text;
      }
    }
  }
  return text;
}

/** Parses tool-call arguments sent as a JSON string; other values are kept as they are. */
export function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? {};
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A record view of an unknown JSON value (`{}` for anything else). */
export function asRecord(value: unknown): { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as { [key: string]: unknown })
    : {};
}

/** An array view of an unknown JSON value (`[]` for anything else). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A function tool as a request declares it: `declaration`'s `name` and `description` (`''` when it is not a string)
 * with `parameters` (`{}` when they are not an object), as a list of one for `flatMap`; none when it has no name.
 */
export function wireTool(declaration: { [key: string]: unknown }, parameters: unknown): SimTool[] {
  if (typeof declaration.name !== 'string') return [];
  const description = typeof declaration.description === 'string' ? declaration.description : '';
  return [{ name: declaration.name, description, parameters: asRecord(parameters) as JsonSchema }];
}
