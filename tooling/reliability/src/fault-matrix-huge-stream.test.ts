import { describe, it } from 'vitest';
import { checkMatrixCell } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { useReferences } from './test-utils/use-references.js';

expectNoUnhandledRejections();

const references = useReferences();

// The lines of the matrix with 50 MB bodies, one cell at a time, in files of their own (one per call mode) so that
// they run in workers of their own.
describe('the fault matrix, huge bodies, stream()', () => {
  it.each(matrixCells(PROVIDERS).filter((cell) => cell.row.heavy && cell.mode === 'stream'))(
    '$name',
    (cell) => checkMatrixCell(cell, references),
    60_000,
  );
});
