import { startSimulator } from '@rig-ts/testkit/simulator';
import { describe, expect, it } from 'vitest';
import { probeOllama } from './probe-ollama.js';
import { closedPort } from './test-utils/spawn-chat.js';

describe('probeOllama', () => {
  it("lists an Ollama server's models (the simulator speaks Ollama's /api/tags)", async () => {
    const simulator = await startSimulator();
    try {
      expect(await probeOllama(simulator.url)).toEqual(['sim-llama:latest', 'sim-think:latest']);
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
      expect(await probeOllama(`${simulator.url}/v1`)).toBeUndefined();
    } finally {
      await simulator.close();
    }
  });
});
