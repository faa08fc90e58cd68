import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The bundled app, as `pnpm build` (turbo's build before test) writes it and `pnpm start` runs it. */
export const CHAT_BIN = fileURLToPath(new URL('../../dist/chat.js', import.meta.url));

/** A loopback port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A clean environment: no API key, no color, and Ollama looked for where nothing answers unless given. */
export async function cleanEnvironment(extra: { [name: string]: string } = {}): Promise<{ [name: string]: string }> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NO_COLOR: '1',
    OLLAMA_HOST: `127.0.0.1:${await closedPort()}`,
    ...extra,
  };
}

/** A running chat process with its output so far. */
export interface ChatProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Every piece of stdout in the order it arrived. */
  readonly stdoutChunks: string[];
  /** Resolves when `stream`'s text so far satisfies `test`; rejects after `timeoutMs` with the output so far. */
  waitFor(stream: 'stdout' | 'stderr', test: (text: string) => boolean, timeoutMs?: number): Promise<void>;
  /** Writes to the app's stdin. */
  type(text: string): void;
  exited: Promise<number | null>;
}

/** Spawns `command args` (by default the app under node) and collects its output. */
export function spawnChat(
  args: readonly string[],
  environment: { [name: string]: string },
  command: readonly string[] = [process.execPath, CHAT_BIN],
): ChatProcess {
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    env: environment,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  const stdoutChunks: string[] = [];
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output.stdout += chunk;
    stdoutChunks.push(chunk);
    for (const waiter of waiters) waiter();
  });
  child.stderr.on('data', (chunk: string) => {
    output.stderr += chunk;
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    stdoutChunks,
    type: (text) => child.stdin.write(text),
    exited,
    waitFor(stream, test, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!test(output[stream])) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out waiting on ${stream}\n--- stdout ---\n${output.stdout}\n--- stderr ---\n${output.stderr}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
