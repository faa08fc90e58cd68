// The repository's documents link only to files inside the repository, and every such file exists; other links are
// to web pages (https).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listMarkdownLinks } from './list-markdown-links.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function isInside(file: string): boolean {
  return relative(ROOT, file).split(sep)[0] !== '..';
}

/** The root documents and every package's, app's and tooling package's README. */
function documents(): string[] {
  const found = ['README.md', 'CONTRIBUTING.md', 'RELIABILITY.md', 'BENCHMARKS.md'].filter((file) =>
    existsSync(join(ROOT, file)),
  );
  for (const folder of ['packages', 'apps', 'tooling']) {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(ROOT, folder, entry.name, 'README.md')))
        found.push(`${folder}/${entry.name}/README.md`);
    }
  }
  return found;
}

describe('links in the documents', () => {
  it('finds the documents, and links in them (not in code)', () => {
    expect(documents()).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'packages/agent/README.md',
        'apps/chat/README.md',
        'tooling/test-chromium/README.md',
      ]),
    );
    expect(listMarkdownLinks(join(ROOT, 'CONTRIBUTING.md'))).toContainEqual({
      target: 'tooling/fixtures/data/README.md',
      line: expect.any(Number),
      kind: 'link',
    });
  });

  it('reads links and the ../ paths of code spans, not fenced code', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rig-doc-links-')), 'README.md');
    writeFileSync(
      file,
      'See `../shared/DESIGN.md` and [x](../../README.md "title") or `node ../a.mjs b`.\n```sh\ncd ../..\n```\n![i](img.png) `[no](link)`\n',
    );
    expect(listMarkdownLinks(file)).toEqual([
      { target: '../shared/DESIGN.md', line: 1, kind: 'code' },
      { target: '../a.mjs', line: 1, kind: 'code' },
      { target: '../../README.md', line: 1, kind: 'link' },
      { target: 'img.png', line: 5, kind: 'link' },
    ]);
    rmSync(dirname(file), { recursive: true });
  });

  it.each(documents())('%s links only to web pages and to files that exist inside the repository', (document) => {
    const problems: string[] = [];
    for (const { target, line, kind } of listMarkdownLinks(join(ROOT, document))) {
      if (/^https:\/\//.test(target) || target.startsWith('#')) continue;
      if (/^[a-z]+:/i.test(target)) {
        problems.push(`${document}:${line}: ${target} is neither a file of the repository nor an https page`);
        continue;
      }
      const path = decodeURIComponent(target.split('#')[0]!);
      const file = resolve(dirname(join(ROOT, document)), path);
      if (kind === 'code' && /[<>*]/.test(path)) continue; // a template (`../<package>`), not a path
      if (kind === 'code') {
        // A path in code is read from the document's folder, or from a package's (where its commands run).
        const found = [file, resolve(ROOT, 'packages', 'a-package', path)].some(
          (candidate) => isInside(candidate) && existsSync(candidate),
        );
        if (!found) problems.push(`${document}:${line}: ${target} is no file of the repository`);
      } else if (!isInside(file)) problems.push(`${document}:${line}: ${target} is outside the repository`);
      else if (!existsSync(file)) problems.push(`${document}:${line}: ${target} does not exist`);
    }
    expect(problems).toEqual([]);
  });
});
