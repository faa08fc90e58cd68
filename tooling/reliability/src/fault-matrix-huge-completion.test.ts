import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMatrixCell, References } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled, 'unhandled rejections').toEqual([]);
});

const references = new References();
beforeAll(() => references.load(), 60_000);

// The lines of the matrix with 50 MB bodies, one cell at a time, in files of their own (one per call mode) so that
// they run in workers of their own.
describe('the fault matrix, huge bodies, completion()', () => {
  it.each(matrixCells(PROVIDERS).filter((cell) => cell.row.heavy && cell.mode === 'completion'))('$name', (cell) => checkMatrixCell(cell, references), 60_000);
});
