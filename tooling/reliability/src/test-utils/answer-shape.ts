import type { CompletionResponse, StreamedAssistantContent } from '@rig-ts/core';

/** A deep copy without `id` and `itemId` fields: the simulator numbers them per request, and retries make more. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== 'object' || value === null) return value;
  const copy: { [key: string]: unknown } = {};
  for (const [key, item] of Object.entries(value)) if (key !== 'id' && key !== 'itemId') copy[key] = withoutIds(item);
  return copy;
}

/** The parts of an answer a fault must not change: the content (without ids), the usage and the finish reason. */
export function answerShape(response: CompletionResponse): { choice: unknown; usage: unknown; finishReason: unknown } {
  return { choice: withoutIds(response.choice), usage: response.usage, finishReason: response.finishReason };
}

const RUN = 'x'.repeat(1000);
const NOT_X = /[^x]/g;

/** `text` with every run of 1000 or more `x` written as its length. */
function shrinkText(text: string): string {
  let result = '';
  let position = 0;
  for (;;) {
    const start = text.indexOf(RUN, position);
    if (start === -1) return position === 0 ? text : result + text.slice(position);
    NOT_X.lastIndex = start + RUN.length;
    const end = NOT_X.exec(text)?.index ?? text.length;
    result += `${text.slice(position, start)}<${end - start} × x>`;
    position = end;
  }
}

/** A deep copy of `value` with its strings shrunk (huge answers are compared and shown without building huge JSON). */
function shrinkDeep(value: unknown): unknown {
  if (typeof value === 'string') return shrinkText(value);
  if (Array.isArray(value)) return value.map(shrinkDeep);
  if (typeof value !== 'object' || value === null) return value;
  const copy: { [key: string]: unknown } = {};
  for (const [key, item] of Object.entries(value)) copy[key] = shrinkDeep(item);
  return copy;
}

/** JSON of `value` with every run of 1000 or more `x` written as its length: huge bodies stay readable in a diff. */
export function shrunk(value: unknown): string {
  return JSON.stringify(shrinkDeep(value)) ?? 'undefined';
}

/** `shrunk(value)` as it reads once every `marker` is replaced by `fillerLength` × `x`. */
export function shrunkWithFiller(value: unknown, marker: string, fillerLength: number | undefined): string {
  const text = shrunk(value);
  return fillerLength === undefined ? text : text.split(marker).join(`<${fillerLength} × x>`);
}

/** Stream items without what differs between two runs of the same answer (ids, raw bodies). */
export function itemShapes(items: readonly StreamedAssistantContent[]): unknown[] {
  return items.map((item) =>
    item.type === 'final' ? { type: 'final', usage: item.usage, finishReason: item.finishReason } : withoutIds(item),
  );
}

/** The text of the text items, joined. */
export function deltaText(items: readonly StreamedAssistantContent[]): string {
  let text = '';
  for (const item of items) if (item.type === 'text') text += item.text;
  return text;
}
