import { readFileSync } from 'node:fs';

/** The fenced ```ts code blocks of a markdown file, in order, without their fences. */
export function readCodeBlocks(path: string): string[] {
  const markdown = readFileSync(path, 'utf8');
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}
