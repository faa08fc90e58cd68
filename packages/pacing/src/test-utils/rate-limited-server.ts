// Starts test-utils/rate-limited-server.mjs in its own process (as a provider runs apart from its client), for the
// tests of pacedFetch.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RateLimitedServer {
  url: string;
  /** Arrival times (ms since the server started) of the requests it answered 200, and of those it answered 429. */
  stats(): Promise<{ answered: number[]; limited: number[] }>;
  close(): Promise<void>;
}

export interface RateLimitedServerOptions {
  limit: number;
  windowMs: number;
  style: 'openai' | 'anthropic';
}

const SCRIPT = fileURLToPath(new URL('./rate-limited-server.mjs', import.meta.url));

export async function startRateLimitedServer(options: RateLimitedServerOptions): Promise<RateLimitedServer> {
  const child = spawn(process.execPath, [SCRIPT, String(options.limit), String(options.windowMs), options.style], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the rate-limited server exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (text: string) => resolve(text.trim()));
  });
  return {
    url,
    stats: async () => (await (await fetch(`${url}/stats`)).json()) as { answered: number[]; limited: number[] },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }
      }),
  };
}
