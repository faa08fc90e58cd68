import { Client, ProtocolError, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { normalizeConnectMcpOptions, MCP_DEFAULTS, type ConnectMcpOptions } from './connect-mcp-options.js';
import { createMcpTransport } from './create-mcp-transport.js';
import { McpClientConnection, type ToolListChanges } from './mcp-client-connection.js';
import type { McpConnection } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import { collectSecrets, redactCause, redactText } from './redact-secrets.js';
import { VERSION } from './version.js';

/** Why connecting failed, in words safe for a message: no URL, header or response body. */
function describeConnectFailure(error: unknown, timeoutMs: number, secrets: readonly string[]): string {
  if (error instanceof SdkHttpError) return `it answered with HTTP status ${error.status}`;
  if (error instanceof SdkError)
    return error.code === SdkErrorCode.RequestTimeout
      ? `it did not answer within ${timeoutMs} ms`
      : `${error.code}: ${redactText(error.message, secrets)}`;
  if (error instanceof ProtocolError)
    return `it refused the handshake: ${redactText(error.message, secrets)} (JSON-RPC error ${error.code})`;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `the process could not be started (${code})`;
  if (error instanceof TypeError && error.message === 'fetch failed') return 'it could not be reached';
  return 'the handshake failed';
}

/**
 * Connects to an MCP server over stdio (`command`, started as a child process) or Streamable HTTP (`url`), with the
 * official MCP client SDK, and returns the connection; `await connection.tools()` gives its tools as agent tools.
 * Close it with `connection.close()`.
 *
 * @example
 * const mcp = await connectMcp({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'], env: { PATH: process.env.PATH! } });
 * const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
 * console.log(await agent.prompt('Add 2 and 3 with the get-sum tool.'));
 * await mcp.close();
 *
 * @throws {McpError} of kind `connect` when the server cannot be started or reached, or the handshake fails (the
 * SDK's error as `cause`, header, query and env values redacted), also when it takes longer than `connectTimeoutMs`;
 * the signal's reason when `signal` aborts.
 * @throws {TypeError} / {RangeError} for invalid options.
 */
export async function connectMcp(options: ConnectMcpOptions): Promise<McpConnection> {
  const settings = normalizeConnectMcpOptions(options);
  settings.signal?.throwIfAborted();
  const { transport, kind, fallbackName } = await createMcpTransport(options);
  const changes: ToolListChanges = { count: 0 };
  const secrets = collectSecrets(options);
  const mode = settings.protocol === 'modern' ? { pin: '2026-07-28' } : settings.protocol;
  const client = new Client(
    { name: 'rig-ts', version: VERSION },
    {
      versionNegotiation: {
        mode,
        ...(kind === 'stdio'
          ? { probe: { timeoutMs: Math.min(settings.connectTimeoutMs, MCP_DEFAULTS.stdioProbeTimeoutMs) } }
          : {}),
      },
      listChanged: {
        tools: {
          autoRefresh: false,
          debounceMs: 0,
          onChanged: () => {
            changes.count++;
          },
        },
      },
    },
  );
  const { onError } = settings;
  // The SDK's errors may quote what the server sent (a status text, a body), which may echo a header value.
  if (onError !== undefined)
    client.onerror = (error) => {
      try {
        onError(redactCause(error, secrets) as Error);
      } catch {
        // The SDK calls this from its stream readers: a throw would escape them as an unhandled rejection, which ends
        // a Node process. What the caller's handler throws is ignored.
      }
    };
  try {
    await client.connect(transport, {
      timeout: settings.connectTimeoutMs,
      ...(settings.signal === undefined ? {} : { signal: settings.signal }),
    });
  } catch (error) {
    await client.close().catch(() => undefined);
    await transport.close().catch(() => undefined);
    if (settings.signal?.aborted) throw settings.signal.reason;
    const server = settings.name ?? fallbackName;
    throw new McpError({
      kind: 'connect',
      server,
      message: `Could not connect to MCP server "${server}": ${describeConnectFailure(error, settings.connectTimeoutMs, secrets)}.`,
      cause: redactCause(error, secrets),
    });
  }
  return new McpClientConnection({ client, transport, kind, fallbackName, options: settings, changes, secrets });
}
