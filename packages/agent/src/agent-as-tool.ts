import { PromptError, type PromptInput } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import type { TypedSchema } from '@rig-ts/typed';
import type { Agent } from './agent.js';
import type { AgentHook } from './agent-hook.js';
import { AgentToolArguments } from './agent-tool-arguments.js';
import { checkTimeLimit } from './run-limits.js';
import type { Tool, ToolContext } from './tool.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';

/** Options of `agent.asTool()`. */
export interface AgentAsToolOptions {
  /** The tool's name, as the outer model calls it. @default the agent's `name` (`AgentBuilder.name()`) */
  name?: string;
  /** What the agent does, for the outer model to know when to call it. @default the agent's `description` */
  description?: string;
  /** Longest the inner run may take, in ms; `Infinity` for no limit. @default the outer agent's `toolTimeoutMs` (60 s) */
  timeoutMs?: number;
}

/** Options of `agent.asTool()` with arguments of your own: their schema, and how they become the inner prompt. */
export interface AgentAsTypedToolOptions<Args> extends AgentAsToolOptions {
  /** The schema of the tool's arguments (a `TypedSchema`, as every tool's `parameters`). */
  parameters: TypedSchema<Args>;
  /** The inner agent's prompt for validated arguments. */
  toPrompt(args: Args): PromptInput;
}

/**
 * What an inner run's failure tells the outer model: a `max-turns` PromptError says so (the task may be too big), any
 * other PromptError is an internal failure with no detail; the PromptError is the `cause` (what `afterToolResult`
 * hooks see). Anything else (the cancellation's reason, what an inner hook threw) is left as it is.
 */
function innerFailure(name: string, error: unknown): unknown {
  if (!PromptError.isInstance(error)) return error;
  const message =
    error.kind === 'max-turns' ? toolFeedback.agentMaxTurns(name, error.maxTurns) : toolFeedback.failed(name);
  return new ToolError(message, { cause: error });
}

/**
 * Waits for the next macrotask. An inner model that answers without I/O (a mock, a cache) chains a whole run in
 * microtasks; an agent that calls itself as a tool then never lets a timer run, so no time limit could stop it.
 */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `agent` as a tool of another agent (`agent.asTool()`): a call runs `agent.prompt()` and answers with its final
 * text; the inner run gets the call's signal (cancelled with the outer run, or at the tool's time limit) and the outer
 * run's `context`, and its usage is added to the outer run's (`ToolContext.reportUsage`), however it ends.
 *
 * @throws {CompletionError} of kind `request` when the tool has no name or description (neither given nor the agent's),
 * or when `timeoutMs` is not a time limit.
 */
export function agentAsTool<Context, Args = AgentToolArguments>(
  agent: Agent<Context>,
  options: AgentAsToolOptions | AgentAsTypedToolOptions<Args> = {},
): Tool<Args, Context> {
  const name = options.name ?? agent.name;
  const description = options.description ?? agent.description;
  if (typeof name !== 'string' || name === '')
    throw invalidRequest('asTool() needs a name: pass { name } or give the agent one with AgentBuilder.name()', 'name');
  if (typeof description !== 'string' || description === '') {
    throw invalidRequest(
      `asTool() needs a description of agent "${name}": pass { description } or give the agent one with AgentBuilder.description()`,
      'description',
    );
  }
  const typed = 'parameters' in options ? options : undefined;
  if (typed !== undefined && typeof typed.toPrompt !== 'function')
    throw invalidRequest(`asTool() of agent "${name}" has parameters but no toPrompt function`, 'toPrompt');
  const tool: Tool<Args, Context> = {
    name,
    description,
    parameters: typed?.parameters ?? (AgentToolArguments as unknown as TypedSchema<Args>),
    async execute(args: Args, context: ToolContext<Context>): Promise<string> {
      const prompt = typed === undefined ? (args as unknown as AgentToolArguments).prompt : typed.toPrompt(args);
      await nextMacrotask();
      const usageReporter: AgentHook = { onRunEnd: (event) => context.reportUsage(event.usage) };
      try {
        return await agent.prompt(prompt, { signal: context.signal, context: context.context, hooks: [usageReporter] });
      } catch (error) {
        throw innerFailure(name, error);
      }
    },
  };
  if (options.timeoutMs !== undefined) tool.timeoutMs = checkTimeLimit(options.timeoutMs, 'timeoutMs');
  return tool;
}
