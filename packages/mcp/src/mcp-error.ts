import { hasErrorMarker, RigError, type ErrorUnionConstructor, type RigErrorOptions } from '@rig-ts/core';

const mcpErrorMarker = Symbol.for('rig-ts.error.McpError');

/** One tool name used by more than one tool, and where each of those tools comes from. */
export interface ToolNameClash {
  /** The name the model would see twice. */
  name: string;
  /** One description per tool, e.g. `MCP server "github" (tool "search")` or `a local tool`. */
  sources: string[];
}

/** The fields of each kind of {@link McpError}. */
export type McpErrorFields =
  /** The server could not be started or reached, or the protocol handshake failed; `cause` says why. */
  | { kind: 'connect'; server: string }
  /** The connection is closed: `close()` was called, or the server closed it (a stdio server that exited). */
  | { kind: 'closed'; server: string }
  /** A request to a connected server failed (listing its tools); `cause` is the client SDK's error. */
  | { kind: 'request'; server: string; method: string }
  /** Two tools would reach the model under one name. */
  | { kind: 'name-clash'; clashes: ToolNameClash[] };

/** The kinds of {@link McpError}. */
export type McpErrorKind = McpErrorFields['kind'];

/** Constructor arguments of {@link McpError}. */
export type McpErrorOptions = RigErrorOptions & McpErrorFields;

/**
 * Connecting to an MCP server, listing its tools or combining tool lists failed. Discriminated on `kind`:
 * `connect`, `closed`, `request`, `name-clash`. A failing tool call is not an `McpError`: it goes back to the model as
 * a tool error, and the run goes on.
 */
export type McpError = RigError & McpErrorFields;

function pascalCase(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

class McpErrorClass extends RigError {
  declare readonly kind: McpErrorKind;

  constructor(options: McpErrorOptions) {
    super(options);
    const { message: _message, cause: _cause, ...fields } = options;
    Object.assign(this, fields);
  }

  override get name(): string {
    return `McpError.${pascalCase(this.kind)}`;
  }

  static override isInstance(error: unknown): error is McpError {
    return hasErrorMarker(error, mcpErrorMarker);
  }
}
Object.defineProperty(McpErrorClass.prototype, mcpErrorMarker, { value: true });

/** Creates and recognizes {@link McpError}s (`McpError.isInstance(error)` works across copies of the package). */
export const McpError = McpErrorClass as unknown as ErrorUnionConstructor<McpErrorFields, McpErrorOptions>;
