import { describe, expect, it } from 'vitest';
import { checkMatrixCell } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { STREAM_END_FAULTS } from './stream-end-faults.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { useReferences } from './test-utils/use-references.js';

expectNoUnhandledRejections();

const references = useReferences();

// Where a stream ends and what shape its frames have, over every provider: asserted exactly as the main matrix is
// (the outcome, the message, the items before the end, usage, time, nothing left open on the server, no key).
describe('the fault matrix: stream ends and frame shapes', () => {
  it('has a cell for each of the three faults and every provider', () => {
    const cells = matrixCells(PROVIDERS, STREAM_END_FAULTS);
    expect(new Set(cells.map((cell) => cell.row.id))).toEqual(
      new Set(['held-open', 'data-after-end', 'wrong-shape-text']),
    );
    expect(cells).toHaveLength(PROVIDERS.length * 4);
  });

  it.concurrent.each(matrixCells(PROVIDERS, STREAM_END_FAULTS))(
    '$name',
    (cell) => checkMatrixCell(cell, references),
    30_000,
  );
});
