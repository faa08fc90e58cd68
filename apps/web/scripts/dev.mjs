// `pnpm --filter @rig-ts/web-app dev`: the provider simulator on 127.0.0.1:8787 (or a free port) and Vite's dev
// server; `--preview` serves the production build (`dist/`, from `pnpm build`) instead. Ctrl-C stops both.
import { startSimulator } from '@rig-ts/testkit/simulator';
import { createServer, preview } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const simulator = await startSimulator({ port: 8787, delayMs: 30 }).catch(() => startSimulator({ delayMs: 30 }));
const server = process.argv.includes('--preview')
  ? await preview({ root })
  : await (await createServer({ root })).listen();
const pageURL = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
console.log(`provider simulator on ${simulator.url}`);
console.log(`open ${pageURL}?sim=${encodeURIComponent(simulator.url)}`);

const stop = async () => {
  await Promise.all([server.close(), simulator.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
