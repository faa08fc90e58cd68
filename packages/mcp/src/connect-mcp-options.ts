import { MAX_TIMER_MS } from '@rig-ts/core/internal';

/** A server started as a child process and spoken to over its stdin and stdout. */
export interface McpStdioServer {
  /** The program to start (looked up on the `PATH` of `env`, else of this process, when it has no path). */
  command: string;
  args?: readonly string[];
  /**
   * The server's whole environment: it gets exactly these variables and nothing else (pass `PATH` if `command` must be
   * looked up, and any key the server needs). @default only `HOME`, `LOGNAME`, `PATH`, `SHELL`, `TERM` and `USER` of
   * this process (on Windows the MCP SDK's list: `APPDATA`, `PATH`, `SYSTEMROOT`, `TEMP`, `USERPROFILE` and the like);
   * API keys and other variables of this process are not passed on
   */
  env?: Readonly<Record<string, string>>;
  /** The server's working directory. @default this process's working directory */
  cwd?: string;
  /** Where the server's stderr goes (its logs). @default 'inherit' (this process's stderr) */
  stderr?: 'inherit' | 'ignore';
  url?: never;
  headers?: never;
  fetch?: never;
}

/** A server reached over Streamable HTTP. */
export interface McpHttpServer {
  /** The server's MCP endpoint, e.g. `https://host/mcp`. */
  url: string | URL;
  /** Headers sent with every request (e.g. `authorization`); never shown in errors. */
  headers?: Readonly<Record<string, string>>;
  /** The fetch to use (a proxy, a test server). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  command?: never;
  args?: never;
  env?: never;
  cwd?: never;
  stderr?: never;
}

/** How the connection behaves, whatever the transport. */
export interface McpConnectionOptions {
  /** The server's name in tool-error messages and name-clash reports. @default the name the server reports, else its command or URL */
  name?: string;
  /** Put before every tool name the model sees (`prefix: 'github_'` turns `search` into `github_search`), to keep the tools of several servers apart. @default '' */
  prefix?: string;
  /** Time limit of each request once connected (listing tools, each tool call), in ms. @default 60000 */
  timeoutMs?: number;
  /** Time limit of connecting (starting a stdio server and the handshake), in ms. @default 60000 */
  connectTimeoutMs?: number;
  /**
   * The protocol revision: `'auto'` asks the server for 2026-07-28 (`server/discover`) and falls back to the 2025
   * `initialize` handshake; over stdio the question runs in a short-lived second process of the server, so connecting
   * takes about two server start-ups. `'legacy'` uses `initialize` at once (one start-up; every server today speaks it).
   * `'modern'` requires 2026-07-28. @default 'auto'
   */
  protocol?: 'auto' | 'legacy' | 'modern';
  /** Cancels connecting (the child process is stopped). */
  signal?: AbortSignal;
  /**
   * Called with errors met outside any request (a dropped event stream, a message that does not parse): copies with
   * name, message, stack, `code`, `status` and cause, header, query and env values redacted. What it throws is ignored.
   * @default errors are ignored
   */
  onError?: (error: Error) => void;
}

/** What {@link connectMcp} takes: a stdio server (`command`) or a Streamable HTTP server (`url`), and connection options. */
export type ConnectMcpOptions = (McpStdioServer | McpHttpServer) & McpConnectionOptions;

/** The defaults of {@link connectMcp}. */
export const MCP_DEFAULTS = {
  /** @default 60000, the MCP SDK's own request timeout */
  timeoutMs: 60_000,
  /** @default 60000 */
  connectTimeoutMs: 60_000,
  /** @default 'auto' */
  protocol: 'auto',
  /** How long `auto` waits for a stdio server to answer `server/discover` before taking it for a 2025-era server, at most. @default 10000 */
  stdioProbeTimeoutMs: 10_000,
} as const;

function checkTimeout(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS)
    throw new RangeError(`${name} must be a whole number of ms from 1 to ${MAX_TIMER_MS} (got ${value})`);
  return value;
}

/** The options with defaults applied, checked. */
export interface NormalizedMcpConnectionOptions {
  name: string | undefined;
  prefix: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  protocol: 'auto' | 'legacy' | 'modern';
  signal: AbortSignal | undefined;
  onError: ((error: Error) => void) | undefined;
}

/**
 * Applies the defaults of {@link MCP_DEFAULTS} and checks the options.
 * @throws {RangeError} when `timeoutMs` or `connectTimeoutMs` is not a whole number of ms from 1 to 2^31 - 1, or
 * `protocol` is unknown.
 * @throws {TypeError} when neither or both of `command` and `url` are given.
 */
export function normalizeConnectMcpOptions(options: ConnectMcpOptions): NormalizedMcpConnectionOptions {
  const hasCommand = typeof options.command === 'string' && options.command !== '';
  const hasUrl = options.url !== undefined;
  if (hasCommand === hasUrl)
    throw new TypeError('connectMcp needs either `command` (a stdio server) or `url` (a Streamable HTTP server)');
  const timeoutMs = checkTimeout('timeoutMs', options.timeoutMs ?? MCP_DEFAULTS.timeoutMs);
  const connectTimeoutMs = checkTimeout('connectTimeoutMs', options.connectTimeoutMs ?? MCP_DEFAULTS.connectTimeoutMs);
  const protocol = options.protocol ?? MCP_DEFAULTS.protocol;
  if (protocol !== 'auto' && protocol !== 'legacy' && protocol !== 'modern')
    throw new RangeError(`protocol must be 'auto', 'legacy' or 'modern' (got ${String(protocol)})`);
  return {
    name: options.name,
    prefix: options.prefix ?? '',
    timeoutMs,
    connectTimeoutMs,
    protocol,
    signal: options.signal,
    onError: options.onError,
  };
}
