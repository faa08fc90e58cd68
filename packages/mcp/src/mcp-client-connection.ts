import type { Client, Tool as McpToolDefinition, Transport } from '@modelcontextprotocol/client';
import { SdkError, SdkErrorCode, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ToolError, type Tool } from '@rig-ts/agent';
import { checkToolNames } from './check-tool-names.js';
import type { NormalizedMcpConnectionOptions } from './connect-mcp-options.js';
import { createMcpTool } from './create-mcp-tool.js';
import type { McpConnection, McpServerInfo, McpToolsOptions } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import { mcpToolParameters } from './mcp-tool-parameters.js';
import { mcpToolSource, type McpToolSource } from './mcp-tool-source.js';
import { redactCause } from './redact-secrets.js';
import { toToolCallError } from './to-tool-call-error.js';

/** Counts the server's tool-list changes; `connectMcp` bumps it from the client's list-changed handler. */
export interface ToolListChanges {
  count: number;
}

/** The pieces `connectMcp` hands over once the client is connected. */
export interface McpClientConnectionParts {
  client: Client;
  transport: Transport;
  kind: 'stdio' | 'http';
  fallbackName: string;
  options: NormalizedMcpConnectionOptions;
  changes: ToolListChanges;
  /** Values never to show in messages or causes (see `collectSecrets`). */
  secrets: readonly string[];
}

/** Listings in a row that a stream of change notifications may cause before the list read last is returned. */
const MAX_LISTINGS_PER_CALL = 3;
/** How long `close()` waits for the server to end an HTTP session, at most. */
const TERMINATE_SESSION_TIMEOUT_MS = 5_000;

function whenAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function definitionKey(definition: McpToolDefinition): string {
  return JSON.stringify([definition.name, definition.title, definition.description, definition.inputSchema]);
}

/** The connection behind {@link McpConnection}. */
export class McpClientConnection implements McpConnection {
  readonly #client: Client;
  readonly #transport: Transport;
  readonly #kind: 'stdio' | 'http';
  readonly #fallbackName: string;
  readonly #options: NormalizedMcpConnectionOptions;
  readonly #changes: ToolListChanges;
  readonly #secrets: readonly string[];
  #state: 'open' | 'closed-by-server' | 'closed' = 'open';
  #closing: Promise<void> | undefined;
  #tools: Tool[] | undefined;
  #listedAt = -1;
  #listing: Promise<void> | undefined;
  #byDefinition = new Map<string, Tool>();
  readonly serverInfo: McpServerInfo | undefined;
  readonly instructions: string | undefined;
  readonly protocolVersion: string | undefined;

  constructor(parts: McpClientConnectionParts) {
    this.#client = parts.client;
    this.#transport = parts.transport;
    this.#kind = parts.kind;
    this.#fallbackName = parts.fallbackName;
    this.#options = parts.options;
    this.#changes = parts.changes;
    this.#secrets = parts.secrets;
    const info = parts.client.getServerVersion();
    this.serverInfo =
      info === undefined
        ? undefined
        : info.title === undefined
          ? { name: info.name, version: info.version }
          : { name: info.name, version: info.version, title: info.title };
    this.instructions = parts.client.getInstructions();
    this.protocolVersion = parts.client.getNegotiatedProtocolVersion();
    parts.client.onclose = () => {
      if (this.#state === 'open') this.#state = 'closed-by-server';
    };
  }

  get name(): string {
    return this.#options.name ?? this.serverInfo?.name ?? this.#fallbackName;
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  async tools(options: McpToolsOptions = {}): Promise<Tool[]> {
    if (options.refresh) this.#changes.count++;
    for (let listings = 0; ; listings++) {
      this.#assertOpen();
      if (this.#tools !== undefined && (this.#listedAt === this.#changes.count || listings === MAX_LISTINGS_PER_CALL))
        return [...this.#tools];
      this.#listing ??= this.#list().finally(() => {
        this.#listing = undefined;
      });
      await whenAborted(this.#listing, options.signal);
    }
  }

  toolSource(): McpToolSource {
    return mcpToolSource([this]);
  }

  close(): Promise<void> {
    this.#state = 'closed';
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    if (this.#transport instanceof StreamableHTTPClientTransport && this.#transport.sessionId !== undefined) {
      // close() alone leaves a 2025-era session open on the server; ending it is a courtesy, bounded in time.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>(
        (resolve) => (timer = setTimeout(resolve, Math.min(this.#options.timeoutMs, TERMINATE_SESSION_TIMEOUT_MS))),
      );
      await Promise.race([this.#transport.terminateSession().catch(() => undefined), timeout]);
      clearTimeout(timer);
    }
    await this.#client.close();
  }

  /** Why the connection is not open, as a sentence without its full stop. */
  #closedReason(): string {
    if (this.#state === 'closed') return `the connection to MCP server "${this.name}" is closed`;
    return `MCP server "${this.name}" closed the connection${this.#kind === 'stdio' ? ' (the process exited)' : ''}`;
  }

  #assertOpen(): void {
    if (this.#state === 'open') return;
    const reason = this.#closedReason();
    throw new McpError({
      kind: 'closed',
      server: this.name,
      message: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`,
    });
  }

  async #list(): Promise<void> {
    const changesBefore = this.#changes.count;
    const { jsonSchema } = await import('@rig-ts/typed/ajv');
    let definitions: McpToolDefinition[];
    try {
      definitions = (
        await this.#client.listTools(undefined, { timeout: this.#options.timeoutMs, cacheMode: 'refresh' })
      ).tools;
    } catch (error) {
      this.#assertOpen();
      const reason =
        error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout
          ? `it did not answer within ${this.#options.timeoutMs} ms`
          : 'the request failed';
      throw new McpError({
        kind: 'request',
        server: this.name,
        method: 'tools/list',
        message: `Could not list the tools of MCP server "${this.name}": ${reason}.`,
        cause: redactCause(error, this.#secrets),
      });
    }
    const byDefinition = new Map<string, Tool>();
    const tools: Tool[] = [];
    for (const definition of definitions) {
      if (definition.execution?.taskSupport === 'required') continue;
      const key = definitionKey(definition);
      const tool =
        this.#byDefinition.get(key) ??
        createMcpTool(definition, {
          server: this.name,
          prefix: this.#options.prefix,
          parameters: mcpToolParameters(definition.name, definition.inputSchema, jsonSchema),
          call: (name, args, signal) => this.#call(name, args, signal),
          secrets: this.#secrets,
        });
      byDefinition.set(key, tool);
      tools.push(tool);
    }
    checkToolNames(tools);
    this.#byDefinition = byDefinition;
    this.#tools = tools;
    this.#listedAt = changesBefore;
  }

  async #call(name: string, args: Record<string, unknown>, signal: AbortSignal) {
    signal.throwIfAborted();
    if (this.#state !== 'open') throw new ToolError(`Tool "${name}" cannot be called: ${this.#closedReason()}.`);
    try {
      return await this.#client.callTool({ name, arguments: args }, { signal, timeout: this.#options.timeoutMs });
    } catch (error) {
      throw toToolCallError(error, {
        server: this.name,
        tool: name,
        timeoutMs: this.#options.timeoutMs,
        signal,
        secrets: this.#secrets,
      });
    }
  }
}
