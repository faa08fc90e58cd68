import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isExecutable } from './is-executable.js';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rig-is-executable-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('isExecutable', () => {
  it('is true for a file with an execute bit, false for one without, for a missing path and an empty one', () => {
    const file = join(scratch, 'binary');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    const readOnly = isExecutable(file);
    chmodSync(file, 0o755);
    expect([readOnly, isExecutable(file), isExecutable(join(scratch, 'missing')), isExecutable('')]).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
});
