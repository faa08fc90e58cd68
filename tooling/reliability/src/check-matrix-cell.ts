import { assertCell } from './assert-cell.js';
import { FAULT_MATRIX, type MatrixCell } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { referenceAnswer, runFaultCell, type ReferenceAnswer } from './run-fault-cell.js';
import { CANARY_KEY } from './test-utils/canary.js';
import { seededRandom, seedOf } from './test-utils/seeded-random.js';

/** The fault-free answers every `answer` outcome is compared with, per provider and prompt. */
export class References {
  readonly #answers = new Map<string, ReferenceAnswer>();

  /** Calls every provider once per prompt of the matrix, on a simulator of its own. */
  async load(): Promise<void> {
    const prompts = [...new Set(FAULT_MATRIX.map((row) => row.prompt ?? 'hello world'))];
    await Promise.all(
      PROVIDERS.flatMap((provider) =>
        prompts.map(async (prompt) =>
          this.#answers.set(`${provider.id}\n${prompt}`, await referenceAnswer(provider, prompt, CANARY_KEY)),
        ),
      ),
    );
  }

  get(providerId: string, prompt: string): ReferenceAnswer {
    const answer = this.#answers.get(`${providerId}\n${prompt}`);
    if (answer === undefined) throw new Error(`no reference answer for ${providerId} and "${prompt}"`);
    return answer;
  }
}

/** Runs one cell of the matrix (at each of its abort moments, for an abort line) and asserts everything it states. */
export async function checkMatrixCell(cell: MatrixCell, references: References): Promise<void> {
  const reference = references.get(cell.provider.id, cell.row.prompt ?? 'hello world');
  const abort = cell.row.abort;
  if (abort === undefined) {
    assertCell(cell, await runFaultCell(cell.row, cell.provider, cell.mode, { apiKey: CANARY_KEY }), reference);
    return;
  }
  const random = seededRandom(seedOf(cell.name));
  for (let point = 0; point < abort.points; point++) {
    const abortAtMs = Math.round(abort.fromMs + random() * (abort.toMs - abort.fromMs));
    assertCell(
      cell,
      await runFaultCell(cell.row, cell.provider, cell.mode, { apiKey: CANARY_KEY, abortAtMs }),
      reference,
    );
  }
}
