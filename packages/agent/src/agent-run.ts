import {
  addUsage,
  emptyUsage,
  Message,
  OneOrMany,
  PromptError,
  textOf,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type PromptInput,
  type ToolCall,
  type ToolDefinition,
  type ToolResult,
  type Usage,
  type UserContent,
} from '@rig-ts/core';
import { toPromptError, untilAborted } from '@rig-ts/core/internal';
import type { AgentConfig } from './agent-config.js';
import type { AgentHook, RequestPatch } from './agent-hook.js';
import { endRunHooks, startRunHooks, type AgentRunInfo, type AgentRunOutcome } from './agent-run-events.js';
import { agentRequestSettings } from './agent-request-settings.js';
import {
  DEFAULT_MAX_TURNS,
  type AgentRunOptions,
  type CompletionCall,
  type PromptResponse,
} from './agent-run-options.js';
import { checkTool } from './check-tool.js';
import { checkUsage } from './check-usage.js';
import { chooseTurnTools } from './choose-turn-tools.js';
import { executeToolCalls } from './execute-tool-calls.js';
import { noAnswerError } from './no-answer-error.js';
import { checkOutputMode, planOutput, type OutputPlan } from './output-mode.js';
import { outputInstruction, outputToolAnswer, outputToolDefinition } from './output-tool.js';
import { checkCount, checkTimeLimit, DEFAULT_TOOL_TIMEOUT_MS } from './run-limits.js';
import { toolDefinition, type Tool } from './tool.js';

/**
 * The state of one agent run, shared by the blocking and the streaming loops: it builds each turn's request (hooks
 * applied), records responses, runs the tools, and turns failures into `PromptError`s carrying the conversation.
 */
export class AgentRun {
  readonly config: AgentConfig;
  readonly options: AgentRunOptions;
  readonly hooks: readonly AgentHook[];
  readonly maxTurns: number;
  /** How many tool calls of a turn run at once. */
  readonly toolConcurrency: number;
  /** How this run asks for its typed answer; `undefined` without an output schema. */
  readonly output: OutputPlan | undefined;
  readonly history: readonly Message[];
  /** This run's new messages: the prompt first. */
  readonly messages: [Message, ...Message[]];
  readonly calls: CompletionCall[] = [];
  /** This run as hooks see it (the same object in every run event). */
  readonly info: AgentRunInfo;
  /** The model this run calls: the agent's, or a wrapper from an `onRunStart` hook. */
  readonly model: CompletionModel;
  usage = emptyUsage();
  turn = 0;
  #tools: readonly Tool[] = [];
  #ended = false;

  constructor(config: AgentConfig, prompt: PromptInput, options: AgentRunOptions = {}, streaming = false) {
    this.config = config;
    this.options = options;
    this.hooks = options.hooks ? [...config.hooks, ...options.hooks] : config.hooks;
    this.history = options.history ?? [];
    this.messages = [typeof prompt === 'string' ? Message.user(prompt) : prompt];
    // Before any call: bad options reject the run as prompt() rejects any invalid request, a bad tool as a tool failure.
    try {
      this.maxTurns =
        options.maxTurns === undefined
          ? checkCount(config.defaultMaxTurns ?? DEFAULT_MAX_TURNS, 'defaultMaxTurns')
          : checkCount(options.maxTurns, 'maxTurns');
      this.toolConcurrency = checkCount(options.toolConcurrency ?? 1, 'toolConcurrency', true);
      if (config.toolTimeoutMs !== undefined) checkTimeLimit(config.toolTimeoutMs, 'toolTimeoutMs');
      const outputMode = checkOutputMode(options.outputMode ?? config.outputMode ?? 'auto', 'outputMode');
      this.output = planOutput(config.outputSchema, outputMode, {
        provider: config.model.provider,
        toolNames: config.tools.map((tool) => tool?.name),
        toolSources: config.toolSources?.length ?? 0,
        toolChoice: config.toolChoice,
      });
    } catch (error) {
      throw toPromptError(error);
    }
    config.tools.forEach((tool, index) => {
      try {
        checkTool(tool, index);
      } catch (error) {
        throw this.toolFailure(
          typeof tool?.name === 'string' ? tool.name : `tools[${index}]`,
          (error as Error).message,
          error,
        );
      }
    });
    this.info = { config, prompt: this.messages[0], history: this.history, options, streaming };
    this.model = startRunHooks(this.hooks, this.info);
  }

  /** Reports how the run ended to the hooks' `onRunEnd`, once (later calls do nothing). */
  end(outcome: AgentRunOutcome): void {
    if (this.#ended) return;
    this.#ended = true;
    endRunHooks(this.hooks, this.info, this.usage, outcome);
  }

  /**
   * The tools of the current turn (the static ones, then the tool sources'): the model is offered them (and the output
   * tool, in `tool` output mode), and the turn's tool calls are answered from them only.
   */
  get tools(): readonly Tool[] {
    return this.#tools;
  }

  /** A turn's request before the hooks: the conversation, the agent's settings, this turn's tools, the output plan. */
  async #turnRequest(): Promise<CompletionRequest> {
    this.#tools = await chooseTurnTools(this);
    const definitions: ToolDefinition[] = this.#tools.map(toolDefinition);
    if (this.output?.mode === 'tool') definitions.push(outputToolDefinition(this.output));
    const request: CompletionRequest = {
      chatHistory: OneOrMany.concat(this.history, this.messages),
      ...agentRequestSettings(this.config),
      tools: definitions,
    };
    const plan = this.output;
    if (plan === undefined || plan.mode === 'native') return request;
    delete request.outputSchema;
    const instruction = outputInstruction(plan)!;
    request.preamble = request.preamble === undefined ? instruction : `${request.preamble}\n\n${instruction}`;
    return request;
  }

  /** The conversation so far: the history, then this run's messages. */
  conversation(): Message[] {
    return [...this.history, ...this.messages];
  }

  /** The request of the next model call, after the hooks; a `max-turns` or `cancelled` PromptError when there is none. */
  async nextRequest(): Promise<CompletionRequest> {
    if (this.turn >= this.maxTurns) throw this.maxTurnsError();
    this.turn++;
    let request = await this.#turnRequest();
    for (const hook of this.hooks) {
      const action = await untilAborted(hook.beforeCompletion?.({ turn: this.turn, request }), this.options.signal);
      if (!action || action.type === 'continue') continue;
      if (action.type === 'stop') throw this.stopped(action.reason);
      request = applyPatch(request, action.patch);
    }
    return request;
  }

  /**
   * Records a model response: the run's `final` answer (a call of the output tool becomes the answer's JSON text), or
   * the tool calls it asks for. A final turn stopped before any answer (token limit, content filter) is a `completion`
   * PromptError saying what to change.
   */
  async recordResponse(
    request: CompletionRequest,
    response: CompletionResponse,
  ): Promise<{ final: CompletionResponse } | { toolCalls: ToolCall[] }> {
    this.usage = addUsage(this.usage, response.usage);
    const call: CompletionCall = {
      turn: this.turn,
      usage: response.usage,
      finishReason: response.finishReason,
      rawResponse: response.rawResponse,
    };
    if (response.rawFinishReason !== undefined) call.rawFinishReason = response.rawFinishReason;
    if (response.id !== undefined) call.id = response.id;
    if (response.model !== undefined) call.model = response.model;
    if (response.requestId !== undefined) call.requestId = response.requestId;
    this.calls.push(call);
    const answer = this.output?.mode === 'tool' ? outputToolAnswer(this.output, response) : undefined;
    const recorded = answer ?? response;
    const content = recorded.choice.filter(
      (block) => block.type !== 'text' || block.text !== '' || block.providerMetadata !== undefined,
    );
    if (OneOrMany.isOneOrMany(content)) this.messages.push(Message.assistant(content, response.id));
    for (const hook of this.hooks) {
      const action = await untilAborted(
        hook.afterCompletion?.({ turn: this.turn, request, response }),
        this.options.signal,
      );
      if (action?.type === 'stop') throw this.stopped(action.reason);
    }
    const toolCalls = recorded.choice.filter((block): block is ToolCall => block.type === 'tool-call');
    if (toolCalls.length > 0) return { toolCalls };
    const noAnswer = noAnswerError(request, recorded);
    if (noAnswer !== undefined)
      throw new PromptError({
        kind: 'completion',
        message: noAnswer.message,
        cause: noAnswer,
        history: this.conversation(),
      });
    return { final: recorded };
  }

  /** Adds what a tool reports of its own model calls to the run's usage (`ToolContext.reportUsage`); ignored once the run ended. */
  addToolUsage(usage: Usage): void {
    checkUsage(usage);
    if (!this.#ended) this.usage = addUsage(this.usage, usage);
  }

  /** The time limit of `tool`, in ms: its own, else the agent's, else {@link DEFAULT_TOOL_TIMEOUT_MS}. */
  toolTimeoutMs(tool: Tool): number {
    return tool.timeoutMs ?? this.config.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  }

  /** Runs the tool calls of this turn (hooks applied) and adds their results, in call order, to the conversation. */
  async runTools(calls: readonly ToolCall[]): Promise<ToolResult[]> {
    // The results would need another model call, and there is none left: fail before running the tools.
    if (this.turn >= this.maxTurns) throw this.maxTurnsError();
    const results = await executeToolCalls(this, calls);
    if (OneOrMany.isOneOrMany(results)) this.messages.push({ role: 'user', content: results });
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

  /** A `tool` PromptError: a tool the run cannot go on with (`cause` is the original exception). */
  toolFailure(toolName: string, message: string, cause: unknown): PromptError {
    return new PromptError({ kind: 'tool', message, toolName, history: this.conversation(), cause });
  }

  /** A `cancelled` PromptError for a hook's stop. */
  stopped(reason: string): PromptError {
    return new PromptError({
      kind: 'cancelled',
      message: `the run was stopped by a hook: ${reason}`,
      reason,
      history: this.conversation(),
    });
  }

  /**
   * What a failed model call becomes (core's `toPromptError`): the signal's reason when the caller cancelled, else a
   * `completion` PromptError carrying the conversation — whatever the model threw.
   */
  modelFailure(error: unknown): unknown {
    return toPromptError(error, this.options.signal, this.conversation());
  }

  /**
   * What ends a failed run: the signal's reason once the caller cancelled, else the error as it is — a PromptError
   * made where the failure was understood, or what the caller's own hook threw.
   */
  fail(error: unknown): unknown {
    const signal = this.options.signal;
    return signal?.aborted ? signal.reason : error;
  }
}

function applyPatch(request: CompletionRequest, patch: RequestPatch): CompletionRequest {
  const patched = { ...request, ...patch };
  if (patch.additionalParams && request.additionalParams)
    patched.additionalParams = { ...request.additionalParams, ...patch.additionalParams };
  return patched;
}
