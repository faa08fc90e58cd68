import { PromptError } from '@rig-ts/core';
import { describeWireValue } from '@rig-ts/core/internal';
import type { AgentRun } from './agent-run.js';
import { checkTool } from './check-tool.js';
import { describeThrown } from './describe-thrown.js';
import { DEFAULT_TOOL_TIMEOUT_MS } from './run-limits.js';
import { runWithinLimit } from './run-within-limit.js';
import type { Tool } from './tool.js';

/** The `toolName` of the `tool` PromptError a tool source's own failure ends a run with. */
export const TOOL_SOURCE_FAILURE = 'toolSource';

function isPromptError(value: unknown): boolean {
  try {
    return PromptError.isInstance(value);
  } catch {
    return false;
  }
}

/** A tool's name when it has one, read defensively (a hostile Proxy may throw on any access). */
function nameOf(tool: unknown): string | undefined {
  try {
    const name: unknown = (tool as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tools of the run's current turn: the agent's static tools, then what each of its tool sources returns (called in
 * the order added, each with the conversation so far, the turn, `context` and a signal bounded by the run's signal and
 * the agent's tool time limit). Names must be unique on the turn, the output tool's included.
 *
 * @throws the run signal's reason when it aborts; a PromptError a source throws, as it is; else a `tool` PromptError
 * carrying the conversation: `toolName` is the tool at fault (a name given twice, a malformed tool), or
 * {@link TOOL_SOURCE_FAILURE} when the source threw (the exception as `cause`), timed out or returned no array.
 */
export async function chooseTurnTools(run: AgentRun): Promise<readonly Tool[]> {
  const sources = run.config.toolSources ?? [];
  if (sources.length === 0) return run.config.tools;
  const tools = [...run.config.tools];
  const origins = new Map<string, string>(tools.map((tool) => [tool.name, "the agent's tools"]));
  if (run.output?.mode === 'tool') origins.set(run.output.toolName, 'the output tool of this run');
  const runSignal = run.options.signal ?? new AbortController().signal;
  const timeoutMs = run.config.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const turn = run.turn;
  for (const [index, source] of sources.entries()) {
    const label = sources.length === 1 ? 'the tool source' : `tool source ${index + 1}`;
    const outcome = await runWithinLimit(
      (signal) => source({ messages: run.conversation(), turn, signal, context: run.options.context }),
      {
        runSignal,
        timeoutMs,
        timeoutMessage: `${label} did not give the tools of turn ${turn} within ${timeoutMs} ms`,
      },
    );
    if ('thrown' in outcome) {
      if (outcome.timedOut)
        throw run.toolFailure(
          TOOL_SOURCE_FAILURE,
          `${label} did not give the tools of turn ${turn} within ${timeoutMs} ms (toolTimeoutMs)`,
          outcome.thrown,
        );
      if (isPromptError(outcome.thrown)) throw outcome.thrown;
      throw run.toolFailure(
        TOOL_SOURCE_FAILURE,
        `${label} failed on turn ${turn}: ${describeThrown(outcome.thrown)}`,
        outcome.thrown,
      );
    }
    const given = outcome.output;
    if (!Array.isArray(given)) {
      throw run.toolFailure(
        TOOL_SOURCE_FAILURE,
        `${label} must return an array of tools (or a promise of one), but returned ${describeWireValue(given)} on turn ${turn}`,
        undefined,
      );
    }
    const list = sources.length === 1 ? 'toolSource' : `toolSources[${index}]`;
    (given as readonly Tool[]).forEach((tool, position) => {
      try {
        checkTool(tool, position, list);
      } catch (error) {
        throw run.toolFailure(
          nameOf(tool) ?? `${list}[${position}]`,
          `${label} gave a tool that is not one on turn ${turn}: ${describeThrown(error)}`,
          error,
        );
      }
      const taken = origins.get(tool.name);
      if (taken !== undefined) {
        const where = taken === label ? `twice by ${label}` : `by ${taken} and by ${label}`;
        throw run.toolFailure(
          tool.name,
          `tool "${tool.name}" is offered twice on turn ${turn}, ${where}: tool names must be unique on a turn (rename one, or give an MCP server a prefix)`,
          undefined,
        );
      }
      origins.set(tool.name, label);
      tools.push(tool);
    });
  }
  return tools;
}
