import type { JsonSchema, ToolDefinition, Usage } from '@rig-ts/core';
import type { TypedSchema } from '@rig-ts/typed';

/** What a tool's `execute` receives beside its arguments. */
export interface ToolContext<Context = unknown> {
  /**
   * Aborted when the run is cancelled (with the caller's reason) or when the tool's time limit passes (with a
   * `TimeoutError` `DOMException`); pass it on to any I/O the tool does.
   */
  readonly signal: AbortSignal;
  /** Values the caller passed as `context` to the run; never shown to the model. */
  readonly context: Context;
  /** The id of the tool call being answered. */
  readonly toolCallId: string;
  /** The model call (from 1) that asked for this tool. */
  readonly turn: number;
  /**
   * Adds tokens the tool spent on model calls of its own (an inner agent's, as `agent.asTool()` does) to the run's
   * usage, so that the run's summed usage covers them; the run's per-call records (`calls`) stay the run's own. Usage
   * reported after the run ended is not counted.
   * @throws {TypeError} when `usage` is not a `Usage` (token counts that are finite numbers of at least 0)
   */
  reportUsage(usage: Usage): void;
}

/**
 * A function the agent's model may call. `parameters` is a `TypedSchema`: one generated from a plain interface by
 * `rig-schema` (a precompiled validator, no ajv), one from a Standard Schema value (`fromStandardSchema`), or a plain
 * JSON Schema wrapped with `jsonSchema(schema)` from `@rig-ts/typed/ajv` (compiled by ajv at run time; that import is
 * what brings ajv into a bundle). `execute` gets the typed arguments, validated before it runs. `execute` returns a
 * string (sent as text), any JSON value (sent as JSON), or `toolContent([...])` for rich results (text, images).
 * A thrown `ToolError` sends its message to the model; any other error is reported to the model without its details.
 */
export interface Tool<Args = any, Context = any> {
  name: string;
  description: string;
  parameters: TypedSchema<Args>;
  /** Ask the provider to enforce the schema exactly where it can. */
  strict?: boolean;
  /**
   * Longest `execute` may take, in ms; `Infinity` for no limit. Past it the tool's `signal` aborts and the model is
   * told the tool timed out (the run goes on).
   * @default the agent's `toolTimeoutMs` (60 s)
   */
  timeoutMs?: number;
  execute(args: Args, context: ToolContext<Context>): unknown;
}

/** Defines a tool with its argument type inferred from a `TypedSchema` (an identity function for type inference). */
export function tool<Args, Context = unknown>(definition: Tool<Args, Context>): Tool<Args, Context> {
  return definition;
}

/** True when `parameters` is a `TypedSchema` (a plain JSON Schema is not: it carries no validator). */
export function isTypedSchema(parameters: unknown): parameters is TypedSchema<unknown> {
  return (
    typeof (parameters as { validate?: unknown }).validate === 'function' &&
    typeof (parameters as { jsonSchema?: unknown }).jsonSchema === 'object'
  );
}

/** The JSON Schema of a tool's parameters. */
export function toolParametersSchema(tool: Tool): JsonSchema {
  return tool.parameters.jsonSchema;
}

/** The definition the model sees for a tool. */
export function toolDefinition(tool: Tool): ToolDefinition {
  const definition: ToolDefinition = {
    name: tool.name,
    description: tool.description,
    parameters: toolParametersSchema(tool),
  };
  if (tool.strict !== undefined) definition.strict = tool.strict;
  return definition;
}
