import type { CallToolResult, Tool as McpToolDefinition } from '@modelcontextprotocol/client';
import { toolContent, ToolError, type Tool } from '@rig-ts/agent';
import { OneOrMany } from '@rig-ts/core';
import type { TypedSchema } from '@rig-ts/typed';
import { convertMcpToolResult, toolResultText } from './convert-mcp-tool-result.js';
import { mapMcpToolName } from './map-mcp-tool-name.js';
import { setMcpToolOrigin } from './mcp-tool-origin.js';
import { redactContent } from './redact-secrets.js';

/** Calls a tool on the server; rejects with a `ToolError` (or the run's abort reason) when the call fails. */
export type McpToolCaller = (
  name: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<CallToolResult>;

/** What {@link createMcpTool} needs beside the server's definition. */
export interface McpToolSettings {
  /** The server, as named in messages. */
  server: string;
  /** @default '' */
  prefix?: string;
  parameters: TypedSchema<Record<string, unknown>>;
  call: McpToolCaller;
  /** Values redacted from the text and JSON of every result, error results included. @default [] */
  secrets?: readonly string[];
}

/**
 * An agent tool for a tool of an MCP server: the model sees the mapped name (`mapMcpToolName`), the description (the
 * title when there is none) and the input schema; `execute` calls the server with the run's signal, and answers with
 * the result's content (secrets redacted from its text and JSON), or throws a `ToolError` with the result's text
 * (secrets redacted) for an `isError` result.
 */
export function createMcpTool(definition: McpToolDefinition, settings: McpToolSettings): Tool<Record<string, unknown>> {
  const name = definition.name;
  const tool: Tool<Record<string, unknown>> = {
    name: mapMcpToolName(name, settings.prefix),
    description: definition.description ?? definition.title ?? '',
    parameters: settings.parameters,
    async execute(args, context) {
      if (typeof args !== 'object' || args === null || Array.isArray(args))
        throw new ToolError(`The arguments of tool "${tool.name}" must be a JSON object.`);
      const result = await settings.call(name, args, context.signal);
      // A server may echo a header or env value it was given; the model (a third party) must not read it.
      const content = redactContent(convertMcpToolResult(result), settings.secrets ?? []);
      if (result.isError === true)
        throw new ToolError(
          toolResultText(content) || `Tool "${name}" of MCP server "${settings.server}" failed without saying why.`,
        );
      return OneOrMany.isOneOrMany(content) ? toolContent(content) : undefined;
    },
  };
  return setMcpToolOrigin(tool, { server: settings.server, name });
}
