import * as openai from '@rig-ts/openai';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import type { Attributes } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { traced, type TracedModel } from '../traced-model.js';
import type { TracingOptions } from '../tracing-options.js';
import { OtelHarness } from './otel-harness.js';

/** The simulator and the OTel harness of a test file, as {@link useTracedSimulator} gives them. */
export interface TracedSimulator {
  /** The simulator, started once for the file and reset before each test. */
  readonly simulator: Simulator;
  /** A fresh harness for each test. */
  readonly harness: OtelHarness;
  /** The attributes of every `chat gpt-4o` span of a call to the simulator's OpenAI API: operation, provider, server. */
  chatAttributes(): Attributes;
  /**
   * `gpt-4o` of an OpenAI client on the simulator (2 retries), traced into the harness with the client's base URL as
   * the server, and `options` over that.
   */
  tracedGpt4o(options?: TracingOptions): TracedModel<unknown, unknown>;
}

/**
 * Registers, in the calling file, a simulator started before its tests and closed after them, reset before each test
 * (its ids start over), and a fresh {@link OtelHarness} per test.
 */
export function useTracedSimulator(): TracedSimulator {
  let simulator: Simulator | undefined;
  let harness: OtelHarness | undefined;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator?.close());
  beforeEach(() => {
    simulator?.reset();
    harness = new OtelHarness();
  });
  return {
    get simulator() {
      if (simulator === undefined) throw new Error('the simulator starts in beforeAll');
      return simulator;
    },
    get harness() {
      if (harness === undefined) throw new Error('the harness is made in beforeEach');
      return harness;
    },
    chatAttributes() {
      return {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'server.address': '127.0.0.1',
        'server.port': Number(new URL(this.simulator.baseURLs.openai).port),
      };
    },
    tracedGpt4o(options = {}) {
      const client = new openai.Client({ apiKey: 'sk-test', baseURL: this.simulator.baseURLs.openai, maxRetries: 2 });
      return traced(client.completionModel('gpt-4o'), {
        tracerProvider: this.harness.tracerProvider,
        meterProvider: this.harness.meterProvider,
        serverURL: client.transport.settings.baseURL,
        ...options,
      });
    },
  };
}
