import { describe, it } from 'vitest';
import { checkMatrixCell } from '../check-matrix-cell.js';
import { matrixCells } from '../fault-matrix.js';
import { PROVIDERS, type CallMode } from '../providers.js';
import { expectNoUnhandledRejections } from './expect-no-unhandled-rejections.js';
import { useReferences } from './use-references.js';

/**
 * The lines of the matrix with 50 MB bodies in `mode`, one cell at a time. Each mode's test file calls this alone, so
 * that the two run in workers of their own.
 */
export function describeHugeCells(mode: CallMode): void {
  expectNoUnhandledRejections();
  const references = useReferences();
  describe(`the fault matrix, huge bodies, ${mode}()`, () => {
    it.each(matrixCells(PROVIDERS).filter((cell) => cell.row.heavy && cell.mode === mode))(
      '$name',
      (cell) => checkMatrixCell(cell, references),
      60_000,
    );
  });
}
