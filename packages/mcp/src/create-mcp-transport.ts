import { StreamableHTTPClientTransport, type Transport } from '@modelcontextprotocol/client';
import { capMessageBytes } from './cap-message-bytes.js';
import type { McpHttpServer, McpStdioServer } from './connect-mcp-options.js';

/** A transport to a server, and how to name the server before it names itself. */
export interface McpTransport {
  transport: Transport;
  kind: 'stdio' | 'http';
  /** The command's file name, or the URL without its query, fragment and credentials. */
  fallbackName: string;
}

function commandName(command: string): string {
  return command.split(/[\\/]/).pop() || command;
}

/** `env` as the whole environment: the variables the MCP SDK would add on top are set to `undefined`, which Node's spawn leaves out. */
function exactEnvironment(env: Readonly<Record<string, string>>, inherited: readonly string[]): Record<string, string> {
  const environment: Record<string, string | undefined> = {};
  for (const key of inherited) environment[key] = undefined;
  return Object.assign(environment, env) as Record<string, string>;
}

/**
 * The transport for a server: a child process over stdio (the SDK's stdio module is loaded only then, so HTTP use
 * needs no `child_process`), or Streamable HTTP with the caller's headers, reading no message over
 * 10 MiB (`MAX_MESSAGE_BYTES`; the SDK holds messages over stdio to the same size).
 * @throws {TypeError} when `url` is not an http(s) URL, or holds credentials.
 */
export async function createMcpTransport(server: McpStdioServer | McpHttpServer): Promise<McpTransport> {
  if (server.command !== undefined) {
    const { DEFAULT_INHERITED_ENV_VARS, StdioClientTransport } = await import('@modelcontextprotocol/client/stdio');
    const transport = new StdioClientTransport({
      command: server.command,
      args: [...(server.args ?? [])],
      ...(server.env === undefined ? {} : { env: exactEnvironment(server.env, DEFAULT_INHERITED_ENV_VARS) }),
      ...(server.cwd === undefined ? {} : { cwd: server.cwd }),
      stderr: server.stderr ?? 'inherit',
    });
    // The client closes a transport whose handshake failed without waiting, and the transport forgets its process at
    // once, so a second close() returned before the process was stopped; every close() now waits for the first one.
    const close = transport.close.bind(transport);
    let closing: Promise<void> | undefined;
    transport.close = () => (closing ??= close());
    return { transport, kind: 'stdio', fallbackName: commandName(server.command) };
  }
  let url: URL;
  try {
    url = new URL(server.url as string | URL);
  } catch {
    throw new TypeError('connectMcp: `url` is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`connectMcp: \`url\` must be an http or https URL (got ${url.protocol})`);
  // fetch refuses URLs with credentials; saying so here beats a failed handshake.
  if (url.username !== '' || url.password !== '')
    throw new TypeError('connectMcp: `url` must not hold credentials; send them in `headers` (e.g. authorization)');
  const transport = new StreamableHTTPClientTransport(url, {
    ...(server.headers === undefined ? {} : { requestInit: { headers: { ...server.headers } } }),
    // The runtime's fetch is looked up at each request, as the SDK does when it is given none.
    fetch: capMessageBytes(() => server.fetch ?? globalThis.fetch),
  });
  return { transport, kind: 'http', fallbackName: `${url.origin}${url.pathname}` };
}
