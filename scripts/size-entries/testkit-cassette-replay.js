// A browser test replaying recorded provider traffic.
import { replayingFetch } from '@rig-ts/testkit/cassette';

const replay = replayingFetch({ version: 1, interactions: [] });
document.body.textContent = String(await replay('https://example.invalid/').catch((error) => error.message));
