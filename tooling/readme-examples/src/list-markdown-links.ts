import { readFileSync } from 'node:fs';

/** A reference of a markdown file to another file or page, and the line it is on. */
export interface MarkdownLink {
  /** The target as written. */
  target: string;
  line: number;
  /** `link`: `[text](target)` or an image; `code`: a relative path (`../…`) written in a code span. */
  kind: 'link' | 'code';
}

/**
 * The inline links and images of a markdown file, and the `../` paths written in its code spans (a path the reader is
 * sent to all the same), outside fenced code blocks.
 */
export function listMarkdownLinks(path: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let fenced = false;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (/^\s*```/.test(text)) fenced = !fenced;
      if (fenced) return;
      const line = index + 1;
      for (const [, span] of text.matchAll(/`([^`]+)`/g)) {
        for (const [, target] of span!.matchAll(/(?:^|[\s'"(=])(\.\.\/[^\s`'")]*)/g))
          links.push({ target: target!, line, kind: 'code' });
      }
      const withoutCode = text.replace(/`[^`]*`/g, '``');
      for (const [, target] of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g))
        links.push({ target: target!, line, kind: 'link' });
    });
  return links;
}
