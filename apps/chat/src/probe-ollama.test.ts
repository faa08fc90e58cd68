import { startSimulator } from '@rig-ts/testkit/simulator';
import { describe, expect, it } from 'vitest';
import { probeOllama } from './probe-ollama.js';
import { closedPort } from './test-utils/spawn-chat.js';

describe('probeOllama', () => {
  it("lists an Ollama server's models (the simulator speaks Ollama's /api/tags)", async () => {
    const simulator = await startSimulator();
    try {
      // A generous limit: the subject is the listing, and a loaded machine can take longer than the app's 500 ms.
      expect(await probeOllama(simulator.url, 10_000)).toEqual(['sim-llama:latest', 'sim-think:latest']);
    } finally {
      await simulator.close();
    }
  });

  it('gives undefined when nothing answers', async () => {
    expect(await probeOllama(`http://127.0.0.1:${await closedPort()}`)).toBeUndefined();
  });

  it('gives undefined when the server is not Ollama', async () => {
    const simulator = await startSimulator();
    try {
      // The simulator answers 404 under /v1/api/tags: not an Ollama server there.
      expect(await probeOllama(`${simulator.url}/v1`, 10_000)).toBeUndefined();
    } finally {
      await simulator.close();
    }
  });
});
