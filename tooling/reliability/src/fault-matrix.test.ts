import { simulatedAnswer } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { checkMatrixCell } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { answerShape } from './test-utils/answer-shape.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { useReferences } from './test-utils/use-references.js';

expectNoUnhandledRejections();

/** Clients that do not ask for usage in streams (their servers send it unasked, which the simulator does not). */
const STREAM_USAGE_UNASKED = new Set(['cerebras', 'groq', 'mistral', 'perplexity']);

const references = useReferences();

describe('the fault matrix (huge bodies in fault-matrix-huge-*.test.ts)', () => {
  it('answers "hello world" the documented way when nothing fails', () => {
    for (const provider of PROVIDERS) {
      const reference = references.get(provider.id, 'hello world');
      expect(reference.completion.choice).toHaveLength(1);
      expect(reference.completion.choice[0]).toMatchObject({ type: 'text', text: simulatedAnswer('hello world') });
      const expected = answerShape(reference.completion);
      // The simulator follows OpenAI: a Chat Completions stream reports usage only when asked (`stream_options`), and
      // these clients do not ask, as their servers send it unasked (their recorded streams prove they read it).
      if (STREAM_USAGE_UNASKED.has(provider.id))
        expected.usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
      expect(answerShape(reference.streamed)).toEqual(expected);
    }
  });

  it.concurrent.each(matrixCells(PROVIDERS).filter((cell) => !cell.row.heavy))(
    '$name',
    (cell) => checkMatrixCell(cell, references),
    30_000,
  );
});
