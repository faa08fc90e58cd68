import {
  BaseCompletionModel,
  RigError,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { validateCompletionRequest } from '@rig-ts/core/internal';
import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { sleep } from '../sleep.js';
import { mockStreamAdapter } from './mock-stream-adapter.js';
import { createMockTransport, type MockFrame } from './mock-transport.js';
import { mockTurnParts } from './mock-turn-parts.js';
import type { MockCall, MockRawResponse, MockResponder, MockScriptEntry, MockTurn } from './mock-turn.js';

/** Settings of a {@link MockCompletionModel}. */
export interface MockCompletionModelOptions {
  /** @default 'mock-model' */
  modelId?: string;
  /** @default 'mock' */
  provider?: string;
  /** Wait before each answer, in ms (a turn's `latencyMs` wins). @default 0 */
  latencyMs?: number;
  /** Wait between two stream pieces, in ms (a turn's `delayMs` wins). @default 0 */
  delayMs?: number;
}

function toFrame(part: ReturnType<typeof mockTurnParts>[number]): MockFrame {
  if (part.type === 'error') return { error: part.error };
  if (part.type === 'malformed') return `${part.data}\n`;
  return `${JSON.stringify(part)}\n`;
}

/**
 * A completion model that answers from a script and records every call, for tests of code built on rig-ts (agents,
 * tools, UIs). `stream()` returns a real `StreamingCompletionResponse` (the streaming layer over an in-memory
 * connection), so failures, truncation, cancellation and aggregation behave as with a provider; `completion()` gives
 * exactly the aggregated stream.
 *
 * @example
 * const model = new MockCompletionModel([
 *   { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
 *   'It is sunny in Paris.',
 * ]);
 * await model.prompt('Weather in Paris?'); // the first turn
 * model.calls[0].request.chatHistory;      // what it was asked
 */
export class MockCompletionModel extends BaseCompletionModel<MockRawResponse, MockRawResponse> {
  readonly provider: string;
  /** Every call received, in order. */
  readonly calls: MockCall[] = [];
  readonly #script: MockScriptEntry[] | MockResponder;
  readonly #latencyMs: number;
  readonly #delayMs: number;
  #next = 0;

  /** `script`: the turns, answered in order (one per call), or a function answering every call. */
  constructor(script: readonly MockScriptEntry[] | MockResponder = [], options: MockCompletionModelOptions = {}) {
    super(options.modelId ?? 'mock-model');
    this.provider = options.provider ?? 'mock';
    this.#script = typeof script === 'function' ? script : [...script];
    this.#latencyMs = options.latencyMs ?? 0;
    this.#delayMs = options.delayMs ?? 0;
  }

  /** The requests received, in order. */
  get requests(): CompletionRequest[] {
    return this.calls.map((call) => call.request);
  }

  /** Turns not answered yet (`Infinity` for a function script). */
  get remaining(): number {
    return typeof this.#script === 'function' ? Infinity : this.#script.length - this.#next;
  }

  /** Appends turns to the script. */
  push(...entries: MockScriptEntry[]): this {
    if (typeof this.#script === 'function')
      throw new RigError({ message: 'MockCompletionModel: push() needs a script of turns, not a function' });
    this.#script.push(...entries);
    return this;
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<MockRawResponse>> {
    const stream = await this.#open('completion', request, options);
    return stream.final;
  }

  stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<MockRawResponse>> {
    return this.#open('stream', request, options);
  }

  async #open(method: MockCall['method'], request: CompletionRequest, options: CallOptions | undefined) {
    const call: MockCall = { method, request, options, index: this.calls.length };
    this.calls.push(call);
    validateCompletionRequest(request);
    const signal = options?.signal;
    signal?.throwIfAborted();
    const turn = await this.#turn(call);
    const latencyMs = turn.latencyMs ?? this.#latencyMs;
    if (latencyMs > 0) await sleep(latencyMs, signal);
    signal?.throwIfAborted();
    if (turn.error !== undefined) throw turn.error;
    const frames = mockTurnParts(turn, request, call.index + 1).map(toFrame);
    const transport = createMockTransport(frames, turn.delayMs ?? this.#delayMs, signal);
    return createStreamingResponse(
      transport,
      'ndjson',
      mockStreamAdapter({ index: call.index, turn }, request.model ?? this.modelId),
    );
  }

  async #turn(call: MockCall): Promise<MockTurn> {
    let entry: MockScriptEntry | undefined;
    if (typeof this.#script === 'function') entry = this.#script;
    else {
      entry = this.#script[this.#next];
      if (entry === undefined) {
        throw new RigError({
          message: `MockCompletionModel "${this.modelId}": no scripted turn left for call ${call.index + 1} (${call.method}); the script has ${this.#script.length} turn${this.#script.length === 1 ? '' : 's'}. Add turns in the constructor or with push().`,
        });
      }
      this.#next++;
    }
    const turn = typeof entry === 'function' ? await entry(call) : entry;
    return typeof turn === 'string' ? { text: turn } : turn;
  }
}
