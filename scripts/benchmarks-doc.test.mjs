// BENCHMARKS.md is written by `pnpm bench -- --write` from bench/BENCHMARKS.template.md: prose added to the document
// alone would be lost at the next run. The document must be the template with only its placeholders filled in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

test('BENCHMARKS.md is its template with the placeholders filled in', () => {
  const template = read('../bench/BENCHMARKS.template.md');
  const document = read('../BENCHMARKS.md');
  const pattern = template
    .split(/\{\{[a-z]+\}\}/)
    .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  assert.ok(template.includes('{{table}}'), 'the template has lost its placeholders');
  assert.match(document, new RegExp(`^${pattern}$`), 'edit bench/BENCHMARKS.template.md as well as BENCHMARKS.md');
});
