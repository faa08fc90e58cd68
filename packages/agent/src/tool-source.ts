import type { Message } from '@rig-ts/core';
import type { Tool } from './tool.js';

/** What a {@link ToolSource} is called with, before each model call of a run. */
export interface ToolSourceEvent<Context = unknown> {
  /** The conversation so far: the history, the prompt, then this run's answers and tool results (a copy). */
  readonly messages: readonly Message[];
  /** The model call (from 1) the tools are for. */
  readonly turn: number;
  /**
   * Aborted when the run is cancelled (with the caller's reason) or when the agent's tool time limit passes (with a
   * `TimeoutError` `DOMException`); pass it on to any I/O the source does (a vector search, an MCP listing).
   */
  readonly signal: AbortSignal;
  /** Values the caller passed as `context` to the run; never shown to the model. */
  readonly context: Context;
}

/**
 * Gives the tools of one model call, called before each one (`AgentBuilder.toolSource()`): the hook for choosing tools
 * per turn, such as retrieving the few that fit the conversation from a large set (Rig's dynamic tools) or reading an
 * MCP server's current list (`mcp.toolSource()` from `@rig-ts/mcp` fits as it is). The model is offered the agent's
 * static tools and what its sources return, and only those tools run on that turn.
 *
 * @example
 * const agent = new AgentBuilder(model)
 *   .tool(calculator) // offered on every turn
 *   .toolSource(async ({ messages, signal }) => searchTools(lastUserText(messages), { limit: 5, signal }))
 *   .build();
 */
export type ToolSource<Context = unknown> = (
  event: ToolSourceEvent<Context>,
) => readonly Tool<any, Context>[] | Promise<readonly Tool<any, Context>[]>;
