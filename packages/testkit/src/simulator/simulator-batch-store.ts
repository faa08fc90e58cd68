import {
  SimulatedBatch,
  type SimulatedBatchApi,
  type SimulatedBatchRequest,
  type SimulatedBatchSettings,
} from './simulated-batch.js';
import type { SimulatorRoutesContext } from './simulator-engine.js';

/** A stored file (an uploaded batch input, a batch's results). */
export interface SimulatorFile {
  id: string;
  filename: string;
  purpose: string;
  content: string;
  createdAt: number;
}

/** A batch with what its provider's routes keep about it (`provider` names them). */
export type StoredBatch = SimulatedBatch & {
  meta: { provider: 'openai' | 'anthropic' | 'gemini'; [key: string]: unknown };
};

/** What a provider's create route hands over to start a batch. */
export interface NewSimulatedBatch {
  /** The batch's key in the store: the id (or name) its provider's routes look it up by. */
  id: string;
  /** When the batch was created. */
  now: number;
  requests: readonly SimulatedBatchRequest[];
  settings: SimulatedBatchSettings;
  /** The API each request is answered as, alone. */
  api: SimulatedBatchApi;
  /** The model each request is answered as, when its body does not name one. */
  model?: string;
  /** The body a request that `settings.fail` names is answered with (status 500), in the provider's error shape. */
  failure: unknown;
  meta: StoredBatch['meta'];
}

/**
 * The state the batch routes of every provider share, and the lifecycle they have in common: batches started with the
 * simulator's answers, looked up by their provider's id, and the results files an ended batch writes once.
 */
export class SimulatorBatchStore {
  readonly batches = new Map<string, StoredBatch>();
  readonly files = new Map<string, SimulatorFile>();
  #counter = 0;

  /** A new number for seeding ids, counted from 1 (again after {@link SimulatorBatchStore.reset}). */
  next(): number {
    return ++this.#counter;
  }

  /** Forgets every batch and file. */
  reset(): void {
    this.batches.clear();
    this.files.clear();
    this.#counter = 0;
  }

  /** Starts and keeps a batch whose requests the simulator answers as `api` answers each alone. */
  start(context: SimulatorRoutesContext, batch: NewSimulatedBatch): StoredBatch {
    const { id, api, model, failure } = batch;
    const stored: StoredBatch = Object.assign(
      new SimulatedBatch(
        batch.now,
        batch.requests,
        batch.settings,
        (request, index) => context.answer(api, request.body, model, `${id}:${index}`),
        () => ({ status: 500, body: failure }),
      ),
      { meta: batch.meta },
    );
    this.batches.set(id, stored);
    return stored;
  }

  /** The batch `id` when `provider` started it. */
  find(provider: StoredBatch['meta']['provider'], id: string): StoredBatch | undefined {
    const batch = this.batches.get(id);
    return batch?.meta.provider === provider ? batch : undefined;
  }

  /**
   * The file `id`, stored the first time it is asked for with what `make` gives (an ended batch's results, which never
   * change); `undefined` while `make` gives nothing (an empty results file the provider does not write).
   */
  fileOnce(id: string, make: () => Omit<SimulatorFile, 'id'> | undefined): SimulatorFile | undefined {
    const stored = this.files.get(id);
    if (stored !== undefined) return stored;
    const made = make();
    if (made === undefined) return undefined;
    const file = { id, ...made };
    this.files.set(id, file);
    return file;
  }
}
