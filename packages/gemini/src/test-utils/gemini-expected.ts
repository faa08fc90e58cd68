// What every real Gemini recording must give, derived from the wire by the test oracle of @rig-ts/provider-tests
// (written apart from this package's reader).
import { deriveGeminiExpectations, type GeminiExpectation } from '@rig-ts/provider-tests';

/** The comparable part of a `CompletionResponse`. */
export type ExpectedResult = GeminiExpectation;

const derived = deriveGeminiExpectations(['google']);
const byFile = (keep: (file: string) => boolean) =>
  Object.fromEntries(Object.entries(derived).filter(([file]) => keep(file)));

/** Non-streamed bodies (`completion()`). */
export const EXPECTED_JSON: { [file: string]: ExpectedResult } = byFile((file) => file.endsWith('.json'));

/** Streams: raw `.sse` bodies and `.chunks.txt` lists (`stream()`). */
export const EXPECTED_STREAMS: { [file: string]: ExpectedResult } = byFile((file) => !file.endsWith('.json'));
