import {
  addUsage,
  emptyUsage,
  Message,
  PromptError,
  textOf,
  toPromptError,
  type AssistantContent,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type OneOrMany,
  type PromptInput,
  type ToolCall,
  type ToolResult,
  type UserContent,
} from '@rig-ts/core';
import type { AgentConfig } from './agent-config.js';
import type { AgentHook, RequestPatch } from './agent-hook.js';
import { endRunHooks, startRunHooks, type AgentRunInfo, type AgentRunOutcome } from './agent-run-events.js';
import { agentRequestSettings } from './agent-request-settings.js';
import { DEFAULT_MAX_TURNS, type AgentRunOptions, type CompletionCall, type PromptResponse } from './agent-run-options.js';
import { executeToolCalls } from './execute-tool-calls.js';

/**
 * The state of one agent run, shared by the blocking and the streaming loops: it builds each turn's request (hooks
 * applied), records responses, runs the tools, and turns failures into `PromptError`s carrying the conversation.
 */
export class AgentRun {
  readonly config: AgentConfig;
  readonly options: AgentRunOptions;
  readonly hooks: readonly AgentHook[];
  readonly maxTurns: number;
  readonly history: readonly Message[];
  /** This run's new messages: the prompt first. */
  readonly messages: Message[];
  readonly calls: CompletionCall[] = [];
  /** This run as hooks see it (the same object in every run event). */
  readonly info: AgentRunInfo;
  /** The model this run calls: the agent's, or a wrapper from an `onRunStart` hook. */
  readonly model: CompletionModel;
  usage = emptyUsage();
  turn = 0;
  #ended = false;

  constructor(config: AgentConfig, prompt: PromptInput, options: AgentRunOptions = {}, streaming = false) {
    this.config = config;
    this.options = options;
    this.hooks = options.hooks ? [...config.hooks, ...options.hooks] : config.hooks;
    this.maxTurns = options.maxTurns ?? config.defaultMaxTurns ?? DEFAULT_MAX_TURNS;
    this.history = options.history ?? [];
    this.messages = [typeof prompt === 'string' ? Message.user(prompt) : prompt];
    this.info = { config, prompt: this.messages[0]!, history: this.history, options, streaming };
    this.model = startRunHooks(this.hooks, this.info);
  }

  /** Reports how the run ended to the hooks' `onRunEnd`, once (later calls do nothing). */
  end(outcome: AgentRunOutcome): void {
    if (this.#ended) return;
    this.#ended = true;
    endRunHooks(this.hooks, this.info, this.usage, outcome);
  }

  /** The conversation so far: the history, then this run's messages. */
  conversation(): Message[] {
    return [...this.history, ...this.messages];
  }

  /** The request of the next model call, after the hooks; a `max-turns` or `cancelled` PromptError when there is none. */
  async nextRequest(): Promise<CompletionRequest> {
    if (this.turn >= this.maxTurns) throw this.maxTurnsError();
    this.turn++;
    let request: CompletionRequest = { chatHistory: this.conversation() as unknown as OneOrMany<Message>, ...agentRequestSettings(this.config) };
    for (const hook of this.hooks) {
      const action = await hook.beforeCompletion?.({ turn: this.turn, request });
      if (!action || action.type === 'continue') continue;
      if (action.type === 'stop') throw this.stopped(action.reason);
      request = applyPatch(request, action.patch);
    }
    return request;
  }

  /** Records a model response; returns the tool calls it asks for. */
  async recordResponse(request: CompletionRequest, response: CompletionResponse): Promise<ToolCall[]> {
    this.usage = addUsage(this.usage, response.usage);
    const call: CompletionCall = { turn: this.turn, usage: response.usage, finishReason: response.finishReason, rawResponse: response.rawResponse };
    if (response.rawFinishReason !== undefined) call.rawFinishReason = response.rawFinishReason;
    if (response.id !== undefined) call.id = response.id;
    if (response.model !== undefined) call.model = response.model;
    if (response.requestId !== undefined) call.requestId = response.requestId;
    this.calls.push(call);
    const content = response.choice.filter((block) => block.type !== 'text' || block.text !== '' || block.providerMetadata !== undefined);
    if (content.length > 0) this.messages.push(Message.assistant(content as unknown as OneOrMany<AssistantContent>, response.id));
    for (const hook of this.hooks) {
      const action = await hook.afterCompletion?.({ turn: this.turn, request, response });
      if (action?.type === 'stop') throw this.stopped(action.reason);
    }
    return response.choice.filter((block): block is ToolCall => block.type === 'tool-call');
  }

  /** Runs the tool calls of this turn (hooks applied) and adds their results, in call order, to the conversation. */
  async runTools(calls: readonly ToolCall[]): Promise<ToolResult[]> {
    // The results would need another model call, and there is none left: fail before running the tools.
    if (this.turn >= this.maxTurns) throw this.maxTurnsError();
    const results = await executeToolCalls(this, calls);
    this.messages.push({ role: 'user', content: results as unknown as OneOrMany<UserContent> });
    return results;
  }

  /** The run's result after its final answer. */
  result(response: CompletionResponse): PromptResponse {
    return { output: textOf(response.choice), usage: this.usage, messages: this.messages, calls: this.calls };
  }

  /** The `max-turns` PromptError, carrying the conversation so far. */
  maxTurnsError(): PromptError {
    return new PromptError({
      kind: 'max-turns',
      message: `the agent needs more than ${this.maxTurns} model calls (maxTurns): the last answer asked for tools again`,
      maxTurns: this.maxTurns,
      history: this.conversation(),
    });
  }

  /** A `cancelled` PromptError for a hook's stop. */
  stopped(reason: string): PromptError {
    return new PromptError({ kind: 'cancelled', message: `the run was stopped by a hook: ${reason}`, reason, history: this.conversation() });
  }

  /** What a failure of the run becomes: PromptErrors as they are, aborts as `cancelled`, CompletionErrors as `completion`. */
  fail(error: unknown): unknown {
    return toPromptError(error, this.options.signal, this.conversation());
  }
}

function applyPatch(request: CompletionRequest, patch: RequestPatch): CompletionRequest {
  const patched = { ...request, ...patch };
  if (patch.additionalParams && request.additionalParams) patched.additionalParams = { ...request.additionalParams, ...patch.additionalParams };
  return patched;
}
