import type { SimulatorApi } from './sim-conversation.js';

/** How a simulated batch ends: every request answered, out of time before any is done, or failed as a whole. */
export type SimulatedBatchOutcome = 'completed' | 'expired' | 'failed';

/** What the create request of a batch asks of the simulator (its `x-sim-batch-*` headers). */
export interface SimulatedBatchSettings {
  delayMs: number;
  /** Ids of the requests that fail (a simulated server error on that request alone). */
  fail: ReadonlySet<string>;
  outcome: SimulatedBatchOutcome;
}

/** One request of a batch: its id and the body it would be sent alone. */
export interface SimulatedBatchRequest {
  id: string;
  body: { [key: string]: unknown };
}

/** The end of one request: answered (the status and body of the API's answer), or never run. */
export type SimulatedBatchLine =
  | { id: string; kind: 'answered'; status: number; body: unknown }
  | { id: string; kind: 'expired' }
  | { id: string; kind: 'cancelled' };

/** Where a running batch is: its first tenth, its middle, its last tenth, or over. */
export type SimulatedBatchPhase = 'starting' | 'running' | 'finishing' | 'ended';

/**
 * A batch the simulator runs: it ends `delayMs` after its creation (a cancel ends it a tenth of that later), then
 * answers each request as the API answers it alone (`answer`), except the ids `fail` names, and those a cancel or an
 * expiry left undone.
 */
export class SimulatedBatch {
  readonly createdAt: number;
  readonly requests: readonly SimulatedBatchRequest[];
  readonly settings: SimulatedBatchSettings;
  cancelledAt: number | undefined;
  #lines: SimulatedBatchLine[] | undefined;
  readonly #answer: (request: SimulatedBatchRequest, index: number) => { status: number; body: unknown };
  readonly #failure: (request: SimulatedBatchRequest) => { status: number; body: unknown };

  constructor(
    createdAt: number,
    requests: readonly SimulatedBatchRequest[],
    settings: SimulatedBatchSettings,
    answer: (request: SimulatedBatchRequest, index: number) => { status: number; body: unknown },
    failure: (request: SimulatedBatchRequest) => { status: number; body: unknown },
  ) {
    this.createdAt = createdAt;
    this.requests = requests;
    this.settings = settings;
    this.#answer = answer;
    this.#failure = failure;
  }

  /** When the batch ends: `delayMs` after creation, or a tenth of it after a cancel. */
  get endsAt(): number {
    const end = this.createdAt + this.settings.delayMs;
    return this.cancelledAt === undefined ? end : Math.min(end, this.cancelledAt + this.settings.delayMs / 10);
  }

  phase(now: number): SimulatedBatchPhase {
    if (now >= this.endsAt) return 'ended';
    const elapsed = (now - this.createdAt) / Math.max(1, this.settings.delayMs);
    return elapsed < 0.1 ? 'starting' : elapsed < 0.9 ? 'running' : 'finishing';
  }

  /** Cancels the batch unless it has ended by `now`; whether it is cancelled (a second cancel changes nothing). */
  cancel(now: number): boolean {
    if (this.phase(now) === 'ended') return false;
    this.cancelledAt ??= now;
    return true;
  }

  /** How many requests are done at `now` (in order: the first ones first). */
  done(now: number): number {
    if (this.settings.outcome !== 'completed') return 0;
    const until = Math.min(now, this.cancelledAt ?? now, this.createdAt + this.settings.delayMs);
    const share = (until - this.createdAt) / Math.max(1, this.settings.delayMs);
    return Math.max(0, Math.min(this.requests.length, Math.floor(share * this.requests.length)));
  }

  /** The end of every request, in order, once the batch has ended (computed once). */
  lines(): SimulatedBatchLine[] {
    if (this.#lines !== undefined) return this.#lines;
    const done =
      this.cancelledAt === undefined
        ? this.settings.outcome === 'completed'
          ? this.requests.length
          : 0
        : this.done(this.endsAt);
    this.#lines = this.requests.map((request, index): SimulatedBatchLine => {
      if (index >= done)
        return this.cancelledAt === undefined
          ? { id: request.id, kind: 'expired' }
          : { id: request.id, kind: 'cancelled' };
      const answer = this.settings.fail.has(request.id) ? this.#failure(request) : this.#answer(request, index);
      return { id: request.id, kind: 'answered', ...answer };
    });
    return this.#lines;
  }

  /** Counts once the batch has ended: answered with 200, and the rest. */
  counts(): { succeeded: number; failed: number } {
    const lines = this.lines();
    const succeeded = lines.filter((line) => line.kind === 'answered' && line.status === 200).length;
    return { succeeded, failed: lines.length - succeeded };
  }
}

/** The API a batch's requests speak, for answering them alone. */
export type SimulatedBatchApi = Extract<SimulatorApi, 'openai-responses' | 'openai-chat' | 'anthropic' | 'gemini'>;
