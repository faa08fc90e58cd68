import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlobs, globToRegExp } from './expand-globs.js';

describe('globToRegExp', () => {
  it.each([
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/nested/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['src/**', 'src/x/y/a.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
    ['src/{a,b}.ts', 'src/b.ts', true],
    ['src/{a,b}.ts', 'src/c.ts', false],
    ['src/[ab].ts', 'src/a.ts', true],
    ['src/[!ab].ts', 'src/a.ts', false],
    ['src/a.b.ts', 'src/aXb.ts', false],
  ])('%s matches %s: %s', (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches);
  });
});

describe('expandGlobs', () => {
  it('expands patterns to sorted files, skips node_modules and .d.ts, and passes plain paths through', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rig-schema-globs-'));
    for (const file of [
      'src/b.schema.ts',
      'src/a.schema.ts',
      'src/deep/c.schema.ts',
      'src/other.ts',
      'src/types.schema.d.ts',
      'src/node_modules/x.schema.ts',
    ]) {
      mkdirSync(join(directory, file, '..'), { recursive: true });
      writeFileSync(join(directory, file), '');
    }
    expect(expandGlobs(['src/**/*.schema.ts'], directory)).toEqual([
      'src/a.schema.ts',
      'src/b.schema.ts',
      'src/deep/c.schema.ts',
    ]);
    expect(expandGlobs(['src/*.schema.ts', 'src/a.schema.ts', 'plain.ts'], directory)).toEqual([
      'src/a.schema.ts',
      'src/b.schema.ts',
      'plain.ts',
    ]);
    expect(expandGlobs(['missing/**/*.ts'], directory)).toEqual([]);
  });
});
