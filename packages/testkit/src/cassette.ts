export { emptyCassette } from './cassette/cassette.js';
export type { Cassette, CassetteInteraction } from './cassette/cassette.js';
export { recordingFetch } from './cassette/recording-fetch.js';
export type { RecordingFetch, RecordingFetchOptions } from './cassette/recording-fetch.js';
export { replayingFetch } from './cassette/replaying-fetch.js';
export type { ReplayingFetch, ReplayingFetchOptions } from './cassette/replaying-fetch.js';
export { CREDENTIAL_HEADERS, CREDENTIAL_PARAMETERS, REDACTED } from './cassette/redact-interaction.js';
