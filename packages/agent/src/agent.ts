import {
  BaseCompletionModel,
  type CompletionRequestBuilder,
  PromptError,
  type CallOptions,
  type Chat,
  type Completion,
  type CompletionRequest,
  type CompletionResponse,
  type Message,
  type Prompt,
  type PromptInput,
  type StreamingChat,
  type StreamingCompletion,
  type StreamingCompletionResponse,
  type StreamingPrompt,
} from '@rig-ts/core';
import {
  promptTypedWithDetails,
  streamTyped,
  type StreamingTypedPrompt,
  type TypedPrompt,
  type TypedPromptOptions,
  type TypedPromptResponse,
  type TypedRequestOptions,
  type TypedSchema,
  type TypedStream,
} from '@rig-ts/typed';
import { agentAsTool, type AgentAsToolOptions, type AgentAsTypedToolOptions } from './agent-as-tool.js';
import type { AgentConfig } from './agent-config.js';
import { agentRequestSettings } from './agent-request-settings.js';
import { AgentRun } from './agent-run.js';
import type { AgentRunOptions, PromptResponse } from './agent-run-options.js';
import { AgentStream } from './agent-stream.js';
import type { AgentToolArguments } from './agent-tool-arguments.js';
import { callOptionsOf, runAgent, runToolLoop } from './run-agent.js';
import type { Tool } from './tool.js';

/** Options of `agent.promptTyped`: typed-prompt options plus the run options. */
export type AgentTypedOptions<Context = unknown> = TypedPromptOptions & Omit<AgentRunOptions<Context>, 'history'>;

/**
 * The agent seen as one model: each completion is a whole tool-loop run over the request's history (the
 * typed-output layer drives it, so repair turns run the loop again). Its usage is the run's summed usage.
 */
class AgentAsModel extends BaseCompletionModel {
  readonly provider: string;
  readonly #config: AgentConfig;
  readonly #options: AgentRunOptions;

  constructor(config: AgentConfig, options: AgentRunOptions) {
    super(config.model.modelId);
    this.provider = config.model.provider;
    this.#config = config;
    this.#options = options;
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse> {
    const history = request.chatHistory.slice(0, -1);
    const prompt = request.chatHistory[request.chatHistory.length - 1]!;
    const config: AgentConfig = request.outputSchema
      ? { ...this.#config, outputSchema: request.outputSchema }
      : this.#config;
    const run = new AgentRun(config, prompt, { ...this.#options, ...options, history });
    const response = await runToolLoop(run);
    return { ...response, usage: run.usage };
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    const config: AgentConfig = request.outputSchema
      ? { ...this.#config, outputSchema: request.outputSchema }
      : this.#config;
    return new AgentStream(config, request.chatHistory[request.chatHistory.length - 1]!, {
      ...this.#options,
      ...options,
      history: request.chatHistory.slice(0, -1),
    });
  }
}

/**
 * An agent: a model with a preamble, context documents, tools and settings, running the tool loop for each prompt.
 * Made by `AgentBuilder`. Implements every interface of Rig's completion layer.
 */
export class Agent<Context = unknown>
  implements
    Prompt<AgentRunOptions<Context>>,
    Chat<AgentRunOptions<Context>>,
    TypedPrompt,
    StreamingTypedPrompt,
    StreamingPrompt,
    StreamingChat,
    Completion,
    StreamingCompletion
{
  readonly config: AgentConfig;

  constructor(config: AgentConfig) {
    this.config = config;
  }

  get name(): string | undefined {
    return this.config.name;
  }

  get description(): string | undefined {
    return this.config.description;
  }

  /** The final answer's text; with `extendedDetails: true`, the whole run (usage, messages, one record per model call). */
  prompt(prompt: PromptInput, options?: AgentRunOptions<Context> & { extendedDetails?: false }): Promise<string>;
  prompt(prompt: PromptInput, options: AgentRunOptions<Context> & { extendedDetails: true }): Promise<PromptResponse>;
  async prompt(
    prompt: PromptInput,
    options: AgentRunOptions<Context> & { extendedDetails?: boolean } = {},
  ): Promise<string | PromptResponse> {
    const { extendedDetails, ...runOptions } = options;
    const response = await runAgent(this.config, prompt, runOptions);
    return extendedDetails ? response : response.output;
  }

  /** Like `prompt`, after `history` (which is not modified). */
  chat(
    prompt: PromptInput,
    history: readonly Message[],
    options?: AgentRunOptions<Context> & { extendedDetails?: false },
  ): Promise<string>;
  chat(
    prompt: PromptInput,
    history: readonly Message[],
    options: AgentRunOptions<Context> & { extendedDetails: true },
  ): Promise<PromptResponse>;
  chat(
    prompt: PromptInput,
    history: readonly Message[],
    options: AgentRunOptions<Context> & { extendedDetails?: boolean } = {},
  ): Promise<string | PromptResponse> {
    return this.prompt(prompt, { ...options, history } as AgentRunOptions<Context> & { extendedDetails: true });
  }

  /** The answer as a validated `T` (native structured output, tool loop included, repair turns on failure). */
  async promptTyped<T>(
    schema: TypedSchema<T>,
    prompt: PromptInput,
    options: AgentTypedOptions<Context> = {},
  ): Promise<T> {
    return (await this.promptTypedWithDetails(schema, prompt, options)).value;
  }

  /** Like `promptTyped`, with the summed usage, every response and the new messages. */
  promptTypedWithDetails<T>(
    schema: TypedSchema<T>,
    prompt: PromptInput,
    options: AgentTypedOptions<Context> = {},
  ): Promise<TypedPromptResponse<T>> {
    const { maxRepairs, history, preamble, temperature, maxTokens, configureRequest, ...runOptions } = options;
    const typed: TypedPromptOptions = { ...callOptionsOf(runOptions) };
    if (maxRepairs !== undefined) typed.maxRepairs = maxRepairs;
    if (history !== undefined) typed.history = history;
    return promptTypedWithDetails(
      new AgentAsModel(this.#withOverrides(preamble, temperature, maxTokens), runOptions),
      schema,
      prompt,
      typed,
    );
  }

  /** Partial values as the final answer's JSON streams in, then the validated `T`. */
  streamTyped<T>(
    schema: TypedSchema<T>,
    prompt: PromptInput,
    options: TypedRequestOptions & Omit<AgentRunOptions<Context>, 'history'> = {},
  ): Promise<TypedStream<T>> {
    const { history, preamble, temperature, maxTokens, configureRequest, ...runOptions } = options;
    return streamTyped(
      new AgentAsModel(this.#withOverrides(preamble, temperature, maxTokens), runOptions),
      schema,
      prompt,
      history ? { ...callOptionsOf(runOptions), history } : callOptionsOf(runOptions),
    );
  }

  /** Streams a run: every model call's items, tool results, then one final item with the summed usage. */
  async streamPrompt(prompt: PromptInput, options?: AgentRunOptions<Context>): Promise<StreamingCompletionResponse> {
    return new AgentStream(this.config, prompt, options);
  }

  /** Like `streamPrompt`, after `history`. */
  streamChat(
    prompt: PromptInput,
    history: readonly Message[],
    options: AgentRunOptions<Context> = {},
  ): Promise<StreamingCompletionResponse> {
    return this.streamPrompt(prompt, { ...options, history });
  }

  /**
   * This agent as a tool of another agent: the outer model calls it with `{ prompt }` (or arguments of your own:
   * `parameters` and `toPrompt`), and gets the final answer's text. The inner run gets the outer run's signal (so
   * cancelling the outer run, or the tool's time limit, stops it) and `context`; its usage is added to the outer run's.
   * An inner run that fails is a tool error the outer model reads (see the README); name and description default to
   * the agent's own (`AgentBuilder.name()`, `.description()`).
   *
   * @example
   * const researcher = new AgentBuilder(model).preamble('You research topics thoroughly.').tool(search).build();
   * const writer = new AgentBuilder(model)
   *   .tool(researcher.asTool({ name: 'research', description: 'Researches a topic and reports the facts' }))
   *   .build();
   * @throws {CompletionError} of kind `request` without a name or description, or with a bad `timeoutMs`
   */
  asTool<Args>(options: AgentAsTypedToolOptions<Args>): Tool<Args, Context>;
  asTool(options?: AgentAsToolOptions): Tool<AgentToolArguments, Context>;
  asTool<Args>(options: AgentAsToolOptions | AgentAsTypedToolOptions<Args> = {}): Tool<Args, Context> {
    return agentAsTool<Context, Args>(this, options);
  }

  /** A request builder for one model call, pre-filled with the agent's settings (the caller may override any). */
  completion(prompt: PromptInput, history: readonly Message[]): Promise<CompletionRequestBuilder> {
    const settings = agentRequestSettings(this.config);
    const builder = this.config.model
      .completionRequest(prompt)
      .messages(history)
      .documents(settings.documents)
      .tools(settings.tools);
    if (settings.preamble !== undefined) builder.preamble(settings.preamble);
    if (settings.toolChoice !== undefined) builder.toolChoice(settings.toolChoice);
    if (settings.temperature !== undefined) builder.temperature(settings.temperature);
    if (settings.maxTokens !== undefined) builder.maxTokens(settings.maxTokens);
    if (settings.additionalParams !== undefined) builder.additionalParams(settings.additionalParams);
    if (settings.outputSchema !== undefined) {
      const { name, description, schema } = settings.outputSchema;
      builder.outputSchema({ name, description, jsonSchema: schema });
    }
    if (settings.providerOptions !== undefined) builder.providerOptions(settings.providerOptions);
    return Promise.resolve(builder as CompletionRequestBuilder);
  }

  /** The same pre-filled builder; call `.stream()` on it. */
  streamCompletion(prompt: PromptInput, history: readonly Message[]): Promise<CompletionRequestBuilder> {
    return this.completion(prompt, history);
  }

  #withOverrides(
    preamble: string | undefined,
    temperature: number | undefined,
    maxTokens: number | undefined,
  ): AgentConfig {
    if (preamble === undefined && temperature === undefined && maxTokens === undefined) return this.config;
    return {
      ...this.config,
      ...(preamble !== undefined ? { preamble } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
    };
  }
}
