import type { CompletionModel } from '@rig-ts/core';
import type { Expectations } from './derive-expectations.js';
import { describeRecordings, type ReplayOptions } from './replay-recordings.js';

/** A Chat Completions preset's recordings, as {@link describePresetRecordings} replays them. */
export interface PresetRecordings<Model extends CompletionModel> {
  /** The preset's `Client` class; it is given a placeholder key, the injected `fetch` and no retries. */
  Client: new (options: { apiKey: string; fetch: typeof globalThis.fetch; maxRetries: number }) => {
    completionModel(modelId: string): Model;
  };
  /** The model every recording is replayed through. */
  modelId: string;
  /**
   * The package's committed `expectations.json`, as imported: its shape is checked when the suite runs, against a
   * fresh derivation of the recordings it names.
   */
  expectations: object;
  /** How many Chat Completions recordings the expectations cover, or their exact files in order. */
  chat: number | readonly string[];
}

/**
 * Registers the replay suite ({@link describeRecordings}) of a Chat Completions preset: every recording of its
 * expectations through `new Client({ apiKey, fetch, maxRetries: 0 }).completionModel(modelId)`, the expectations
 * covering exactly `chat` recordings. Returns the model factory, for the package's tests by hand.
 */
export function describePresetRecordings<Model extends CompletionModel>(
  name: string,
  preset: PresetRecordings<Model>,
): (fetch: typeof globalThis.fetch) => Model {
  const chatModel = (fetch: typeof globalThis.fetch): Model =>
    new preset.Client({ apiKey: 'test-key', fetch, maxRetries: 0 }).completionModel(preset.modelId);
  const options: ReplayOptions = {
    expectations: preset.expectations as Expectations,
    chatModel,
    recordings: { chat: preset.chat },
  };
  describeRecordings(name, options);
  return chatModel;
}
