import type { StreamedAssistantContent } from '@rig-ts/core';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';

/** What a stream yielded before it ended, and the error it ended with (`undefined` when it ended normally). */
export interface CollectedStream {
  items: StreamedAssistantContent[];
  error: unknown;
}

/** Reads `stream` to its end, keeping each item and the error that ended it instead of throwing. */
export function collectStream(stream: AsyncIterable<StreamedAssistantContent>): Promise<CollectedStream> {
  return collectUntilError(stream);
}

/** The text of each `text` item, in order. */
export function streamedTexts(items: readonly StreamedAssistantContent[]): string[] {
  return items.flatMap((item) => (item.type === 'text' ? [item.text] : []));
}

/** The type of each item `stream` yields, in order, a run of items of the same type named once. */
export async function streamedKinds(stream: AsyncIterable<StreamedAssistantContent>): Promise<string[]> {
  const kinds: string[] = [];
  for await (const item of stream) if (kinds.at(-1) !== item.type) kinds.push(item.type);
  return kinds;
}
