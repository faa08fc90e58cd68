/// <reference types="node" />
// Node-only: this module is reached through a Node subpath, never from the browser-safe main entry.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RigError } from '@rig-ts/core';
import { emptyCassette, type Cassette } from './cassette.js';
import { recordingFetch, type RecordingFetchOptions } from './recording-fetch.js';
import { replayingFetch, type ReplayingFetchOptions } from './replaying-fetch.js';

/** Reads a cassette JSON file. */
export async function readCassette(path: string): Promise<Cassette> {
  const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Cassette>;
  if (value.version !== 1 || !Array.isArray(value.interactions)) {
    throw new RigError({
      message: `${path} is not a rig-ts cassette (expected {"version": 1, "interactions": [...]})`,
    });
  }
  return value as Cassette;
}

/** Writes a cassette as indented JSON, creating the folders it needs. */
export async function writeCassette(path: string, cassette: Cassette): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(cassette, null, 2)}\n`);
}

/** Options of {@link openCassette}. */
export interface OpenCassetteOptions
  extends Omit<RecordingFetchOptions, 'cassette' | 'onRecord'>, Omit<ReplayingFetchOptions, 'secrets'> {
  /** `record` calls the real API and overwrites the file on `save()`; `replay` serves the file; `auto` replays when the file exists, else records. @default 'auto' */
  mode?: 'record' | 'replay' | 'auto';
}

/** An open cassette file: the `fetch` to give a client, and `save()` to write what was recorded. */
export interface OpenCassette {
  readonly mode: 'record' | 'replay';
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  readonly cassette: Cassette;
  /** Writes the recording (record mode); does nothing when replaying. */
  save(): Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Records to or replays from a cassette file, so one test runs against the live API once and offline afterwards.
 *
 * @example
 * const tape = await openCassette('fixtures/weather.cassette.json', { secrets: [process.env.ANTHROPIC_API_KEY], mode: process.env.RECORD ? 'record' : 'auto' });
 * const client = new anthropic.Client({ apiKey: process.env.ANTHROPIC_API_KEY ?? 'replay', fetch: tape.fetch });
 * // … the test …
 * await tape.save();
 */
export async function openCassette(path: string, options: OpenCassetteOptions = {}): Promise<OpenCassette> {
  const mode =
    options.mode === 'record' || options.mode === 'replay' ? options.mode : (await exists(path)) ? 'replay' : 'record';
  if (mode === 'replay') {
    const cassette = await readCassette(path);
    const replayOptions: ReplayingFetchOptions = {};
    if (options.secrets !== undefined) replayOptions.secrets = options.secrets;
    if (options.chunkSize !== undefined) replayOptions.chunkSize = options.chunkSize;
    if (options.allowRepeats !== undefined) replayOptions.allowRepeats = options.allowRepeats;
    return { mode, fetch: replayingFetch(cassette, replayOptions), cassette, save: async () => undefined };
  }
  const cassette = emptyCassette();
  const recordOptions: RecordingFetchOptions = { cassette };
  if (options.fetch !== undefined) recordOptions.fetch = options.fetch;
  if (options.secrets !== undefined) recordOptions.secrets = options.secrets;
  return { mode, fetch: recordingFetch(recordOptions), cassette, save: () => writeCassette(path, cassette) };
}
