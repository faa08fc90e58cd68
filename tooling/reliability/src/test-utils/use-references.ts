import { beforeAll } from 'vitest';
import { References } from '../check-matrix-cell.js';

/** The reference answers of every provider, loaded once before this test file's tests (on simulators of their own). */
export function useReferences(): References {
  const references = new References();
  beforeAll(() => references.load(), 60_000);
  return references;
}
