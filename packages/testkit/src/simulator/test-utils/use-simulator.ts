import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type Simulator, type StartSimulatorOptions } from '../start-simulator.js';

/**
 * Registers, in the calling file (or `describe`), one simulator started with `options` before its tests, reset before
 * each test and closed after them all; returns it (its members read the running simulator, so it can be held from
 * the start).
 */
export function useSimulator(options: StartSimulatorOptions = {}): Simulator {
  let current: Simulator | undefined;
  beforeAll(async () => {
    current = await startSimulator(options);
  });
  afterAll(() => current?.close());
  beforeEach(() => current?.reset());
  const running = (): Simulator => {
    if (current === undefined) throw new Error('the simulator starts before the tests (beforeAll)');
    return current;
  };
  return {
    get url() {
      return running().url;
    },
    get baseURLs() {
      return running().baseURLs;
    },
    get requests() {
      return running().requests;
    },
    reset: () => running().reset(),
    connections: () => running().connections(),
    close: () => running().close(),
  };
}
