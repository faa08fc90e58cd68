import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedAnswer } from '../simulator/answer-conversation.js';
import { startSimulator, type Simulator } from '../simulator/start-simulator.js';
import { openCassette, readCassette, writeCassette } from './cassette-file.js';

let folder: string;
let simulator: Simulator;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rig-cassette-'));
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.close();
  await rm(folder, { recursive: true, force: true });
});

describe('cassette files', () => {
  it('writes indented JSON (creating folders) and reads it back', async () => {
    const path = join(folder, 'nested', 'a.cassette.json');
    const cassette = { version: 1 as const, interactions: [] };
    await writeCassette(path, cassette);
    expect(await readFile(path, 'utf8')).toBe('{\n  "version": 1,\n  "interactions": []\n}\n');
    expect(await readCassette(path)).toEqual(cassette);
  });

  it('refuses a file that is not a cassette', async () => {
    const path = join(folder, 'not.json');
    await writeFile(path, '{"interactions":[]}');
    await expect(readCassette(path)).rejects.toThrow(
      `${path} is not a rig-ts cassette (expected {"version": 1, "interactions": [...]})`,
    );
  });

  it('auto mode records when the file is missing, then replays it offline', async () => {
    const path = join(folder, 'auto.cassette.json');
    const request = {
      method: 'POST',
      headers: { authorization: 'Bearer sk-file-secret' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }),
    };
    const url = `${simulator.baseURLs.openai}/chat/completions`;
    const recording = await openCassette(path, { secrets: ['sk-file-secret'] });
    expect(recording.mode).toBe('record');
    const live = await (await recording.fetch(url, request)).json();
    await recording.save();
    expect(await readFile(path, 'utf8')).not.toContain('sk-file-secret');
    const replaying = await openCassette(path, { secrets: ['sk-file-secret'] });
    expect(replaying.mode).toBe('replay');
    simulator.reset();
    expect(await (await replaying.fetch(url, request)).json()).toEqual(live);
    expect(live.choices[0].message.content).toBe(simulatedAnswer('hello'));
    expect(simulator.requests).toEqual([]);
    await replaying.save();
    expect(JSON.parse(await readFile(path, 'utf8')).interactions).toHaveLength(1);
  });

  it('record mode overwrites; replay mode needs the file', async () => {
    const path = join(folder, 'forced.cassette.json');
    await expect(openCassette(path, { mode: 'replay' })).rejects.toThrow(/ENOENT/);
    const recording = await openCassette(path, { mode: 'record' });
    await (await recording.fetch(`${simulator.url}/`)).text();
    await recording.save();
    const again = await openCassette(path, { mode: 'record' });
    expect(again.mode).toBe('record');
    expect(again.cassette.interactions).toEqual([]);
  });
});
