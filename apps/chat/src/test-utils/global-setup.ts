import { existsSync } from 'node:fs';
import { CHAT_BIN } from './spawn-chat.js';

/** Fails the run at once, with what to do, when the app has not been built: the tests run `pnpm build`'s bundle. */
export default function setup(): void {
  if (!existsSync(CHAT_BIN)) throw new Error(`run \`pnpm build\` first: ${CHAT_BIN} is missing`);
}
