import { expectObject } from '@rig-ts/core/internal';
import type { ResponsesKnownOutputItem } from './openai-responses-api-types.js';

const CONTENT_ITEM_TYPES: ReadonlySet<unknown> = new Set<ResponsesKnownOutputItem['type']>([
  'message',
  'function_call',
  'reasoning',
]);

/**
 * True for an output item of a type this package turns into content (a message, a function call, a reasoning item);
 * others (hosted tools' calls…) stay in the raw response only. Its other fields are checked where they are read.
 */
export function isResponsesContentItem(item: { type?: unknown }): item is ResponsesKnownOutputItem {
  return CONTENT_ITEM_TYPES.has(item.type);
}

/**
 * An output item as read off the wire: one this package turns into content, or `undefined` for another (a hosted
 * tool's call…, or one OpenAI adds later), which stays in the raw response only.
 * @throws {TypeError} naming `field` when the item is not an object.
 */
export function readResponsesOutputItem(value: unknown, field: string): ResponsesKnownOutputItem | undefined {
  const item = expectObject(value, field);
  return isResponsesContentItem(item) ? item : undefined;
}
