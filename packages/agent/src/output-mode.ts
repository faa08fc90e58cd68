import { type OutputSchema, type ToolChoice } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';

/**
 * How an agent asks for an answer that follows its output schema (the agent's `outputSchema`, or the schema of
 * `promptTyped` / `streamTyped`), as Rig 0.42's output modes:
 * - `native`: the schema goes with every model call as the provider's structured output (`outputSchema`);
 * - `tool`: the model gets a `final_answer` tool whose parameters are the schema and calls it when it has the answer
 *   (no schema is sent, so nothing stops it calling other tools first);
 * - `prompted`: the schema is put in the instructions and the answer is read from the text;
 * - `auto`: `native` when the model has no tools to call (a tool source counts as tools), or when its provider
 *   composes structured output with tool calls (OpenAI and Azure OpenAI: the model calls tools, then answers in the
 *   schema); `tool` otherwise (Anthropic, Gemini, Ollama, OpenAI-compatible servers, anything else), since there a
 *   schema sent with every call can stop the model from calling tools or be refused beside them.
 * @default 'auto'
 */
export type OutputMode = 'auto' | 'native' | 'tool' | 'prompted';

const OUTPUT_MODES: readonly OutputMode[] = ['auto', 'native', 'tool', 'prompted'];

/** `value` as an {@link OutputMode}; anything else is a `request` CompletionError. */
export function checkOutputMode(value: unknown, name: string): OutputMode {
  if (OUTPUT_MODES.includes(value as OutputMode)) return value as OutputMode;
  throw invalidRequest(
    `${name} must be one of ${OUTPUT_MODES.map((mode) => `'${mode}'`).join(', ')} (got ${typeof value === 'string' ? JSON.stringify(value) : typeof value})`,
    'outputMode',
  );
}

/** Providers (`model.provider`) whose structured output leaves the model free to call tools first. */
const COMPOSES_NATIVE_OUTPUT_WITH_TOOLS: ReadonlySet<string> = new Set(['openai', 'azure']);

/** How a run asks for its typed answer. */
export type OutputPlan =
  | { mode: 'native'; schema: OutputSchema }
  | { mode: 'prompted'; schema: OutputSchema }
  /** `wrapped`: the schema's root is not an object, so the tool's parameters hold it under `answer`. */
  | { mode: 'tool'; schema: OutputSchema; toolName: string; wrapped: boolean };

/** The name of the output tool: `final_answer`, or `final_answer_<n>` when a tool of the agent has that name. */
function outputToolName(toolNames: readonly string[]): string {
  let name = 'final_answer';
  for (let index = 1; toolNames.includes(name); index++) name = `final_answer_${index}`;
  return name;
}

/** True when `toolChoice` lets the model call a tool it does not name (the output tool). */
function allowsOutputTool(toolChoice: ToolChoice | undefined): boolean {
  return toolChoice === undefined || toolChoice === 'auto' || toolChoice === 'required';
}

/**
 * The plan of a run: `undefined` without an output schema; else the mode `mode` resolves to for this provider, these
 * tools (the static ones by name, and how many tool sources) and this tool choice (`auto` as documented on
 * {@link OutputMode}; `tool` falls back to `native` when the tool choice rules out the output tool).
 */
export function planOutput(
  schema: OutputSchema | undefined,
  mode: OutputMode,
  context: { provider: string; toolNames: readonly string[]; toolSources?: number; toolChoice: ToolChoice | undefined },
): OutputPlan | undefined {
  if (schema === undefined) return undefined;
  const canCallTools =
    (context.toolNames.length > 0 || (context.toolSources ?? 0) > 0) && context.toolChoice !== 'none';
  let resolved = mode;
  if (resolved === 'auto')
    resolved = !canCallTools || COMPOSES_NATIVE_OUTPUT_WITH_TOOLS.has(context.provider) ? 'native' : 'tool';
  if (resolved === 'tool' && !allowsOutputTool(context.toolChoice)) resolved = 'native';
  if (resolved === 'tool')
    return {
      mode: 'tool',
      schema,
      toolName: outputToolName(context.toolNames),
      wrapped: schema.schema.type !== 'object',
    };
  return { mode: resolved, schema };
}
