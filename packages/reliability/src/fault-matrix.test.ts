import { simulatedAnswer } from '@rig-ts/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCell } from './assert-cell.js';
import { answerShape } from './test-utils/answer-shape.js';
import { FAULT_MATRIX, matrixCells, type MatrixCell } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { referenceAnswer, runFaultCell, type ReferenceAnswer } from './run-fault-cell.js';
import { CANARY_KEY } from './test-utils/canary.js';
import { seededRandom, seedOf } from './test-utils/seeded-random.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);

const references = new Map<string, ReferenceAnswer>();
const referenceKey = (providerId: string, prompt: string) => `${providerId}\n${prompt}`;

beforeAll(async () => {
  const prompts = [...new Set(FAULT_MATRIX.map((row) => row.prompt ?? 'hello world'))];
  await Promise.all(PROVIDERS.flatMap((provider) => prompts.map(async (prompt) => references.set(referenceKey(provider.id, prompt), await referenceAnswer(provider, prompt, CANARY_KEY)))));
}, 60_000);

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled, 'unhandled rejections').toEqual([]);
});

async function checkCell(cell: MatrixCell): Promise<void> {
  const reference = references.get(referenceKey(cell.provider.id, cell.row.prompt ?? 'hello world'))!;
  const abort = cell.row.abort;
  if (abort === undefined) {
    assertCell(cell, await runFaultCell(cell.row, cell.provider, cell.mode, { apiKey: CANARY_KEY }), reference);
    return;
  }
  const random = seededRandom(seedOf(cell.name));
  for (let point = 0; point < abort.points; point++) {
    const abortAtMs = Math.round(abort.fromMs + random() * (abort.toMs - abort.fromMs));
    assertCell(cell, await runFaultCell(cell.row, cell.provider, cell.mode, { apiKey: CANARY_KEY, abortAtMs }), reference);
  }
}

const cells = matrixCells(PROVIDERS);

describe('the fault matrix', () => {
  it('answers "hello world" the documented way when nothing fails', () => {
    for (const provider of PROVIDERS) {
      const reference = references.get(referenceKey(provider.id, 'hello world'))!;
      expect(reference.completion.choice).toHaveLength(1);
      expect(reference.completion.choice[0]).toMatchObject({ type: 'text', text: simulatedAnswer('hello world') });
      expect(answerShape(reference.streamed)).toEqual(answerShape(reference.completion));
    }
  });

  it.concurrent.each(cells.filter((cell) => !cell.row.heavy))('$name', checkCell, 30_000);
});

// Huge bodies run one at a time.
describe('the fault matrix, huge bodies', () => {
  it.each(cells.filter((cell) => cell.row.heavy))('$name', checkCell, 60_000);
});
