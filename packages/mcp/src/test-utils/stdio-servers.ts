import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The entry of `@modelcontextprotocol/server-everything` (started with `process.execPath`, never npx). */
export const SERVER_EVERYTHING = join(
  dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'index.js',
);

/** The test's own stdio server (built with the SDK's server classes). */
export const FIXTURE_STDIO_SERVER = fileURLToPath(new URL('./fixture-stdio-server.mjs', import.meta.url));

/** The proxy that records what a server receives on stdin. */
export const STDIN_RECORDER = fileURLToPath(new URL('./stdin-recorder.mjs', import.meta.url));

/** A temporary log file and a reader of its JSON lines. */
export function createLogFile(): { path: string; read(): Record<string, unknown>[]; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'rig-mcp-'));
  const path = join(directory, 'log.jsonl');
  return {
    path,
    read() {
      let text = '';
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    remove() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
