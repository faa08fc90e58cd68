import type { ToolContext } from '@rig-ts/agent';

/** The context the agent hands a tool's `execute` (call `call_1` of turn 1), with `signal`. */
export function toolContext(signal: AbortSignal = new AbortController().signal): ToolContext {
  return { signal, context: undefined, toolCallId: 'call_1', turn: 1, reportUsage: () => undefined };
}

/** The content blocks a tool's output carries for the model (returned through the agent's `toolContent`). */
export function toolBlocks(output: unknown): unknown {
  return (output as Record<symbol, unknown>)[Symbol.for('rig-ts.agent.toolContent')];
}
