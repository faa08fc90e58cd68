import type { Tool } from '@rig-ts/agent';
import type { McpToolSource } from './mcp-tool-source.js';

/** What a server says about itself when it connects. */
export interface McpServerInfo {
  name: string;
  version: string;
  title?: string;
}

/** Options of {@link McpConnection.tools}. */
export interface McpToolsOptions {
  /** Cancels waiting for the list (a listing other callers wait for goes on). */
  signal?: AbortSignal;
  /** Read the list from the server even when it has not said that it changed. @default false */
  refresh?: boolean;
}

/** An open connection to an MCP server, made by `connectMcp`. Close it with `close()` (a stdio server is stopped). */
export interface McpConnection {
  /** The server's name in messages: the `name` option, else the name the server reports, else its command or URL. */
  readonly name: string;
  /** What the server reported about itself. */
  readonly serverInfo: McpServerInfo | undefined;
  /** The server's instructions for the model, if it sent any (put them in the agent's preamble if you trust it). */
  readonly instructions: string | undefined;
  /** The protocol revision in use, e.g. `2025-11-25` or `2026-07-28`. */
  readonly protocolVersion: string | undefined;
  /** False once closed, or once a stdio server closed the connection (it exited). */
  readonly isOpen: boolean;
  /**
   * The server's tools as agent tools (every page of the list). The list is kept and read again only when the server
   * says that it changed (`notifications/tools/list_changed`, or the 2026-07-28 subscription) or `refresh` is set, so
   * calling this before every turn costs no request while nothing changes. Tools that must run as tasks
   * (`execution.taskSupport: 'required'`) are left out.
   * @throws {McpError} `closed` after `close()` or when the server exited, `request` when the server does not answer
   * the listing, `name-clash` when two of its tools map to one name.
   */
  tools(options?: McpToolsOptions): Promise<Tool[]>;
  /** This server's tools as a per-turn tool source (`mcpToolSource([connection])`). */
  toolSource(): McpToolSource;
  /** Closes the connection: a stdio server gets its stdin closed, then SIGTERM and SIGKILL (up to 4 s); an HTTP session is ended. Calls still running fail as tool errors. */
  close(): Promise<void>;
}
