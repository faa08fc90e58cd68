import { readFileSync } from 'node:fs';
import type { CallToolResult, Tool } from '@modelcontextprotocol/client';

/** What server-everything 2026.8.31 answered over stdio, recorded once by a client SDK 2.4.0 (`tools/list` and calls). */
export interface ServerEverythingRecording {
  server: { name: string; title?: string; version: string };
  protocolVersion: string;
  tools: Tool[];
  calls: { name: string; arguments: Record<string, unknown>; result: CallToolResult }[];
}

/** The recording. */
export const serverEverythingRecording: ServerEverythingRecording = JSON.parse(
  readFileSync(new URL('../__fixtures__/server-everything-2026.8.31.json', import.meta.url), 'utf8'),
);

/** The recorded result of the call of `name` (the `index`-th such call). */
export function recordedResult(name: string, index = 0): CallToolResult {
  const call = serverEverythingRecording.calls.filter((candidate) => candidate.name === name)[index];
  if (call === undefined) throw new Error(`no recorded call of ${name} #${index}`);
  return call.result;
}
