import {
  BaseCompletionModel,
  documentsMessage,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type GetTokenUsage,
  type StreamingCompletionResponse,
  type Warning,
} from '@rig-ts/core';
import { mergeAdditionalParams, mergeProviderOptions, postCompletion, prepareRequest } from '@rig-ts/core/internal';
import type { HttpTransport } from '@rig-ts/http';
import { postCompletionStream } from '@rig-ts/streaming/internal';
import { isReasoningModel } from '../is-reasoning-model.js';
import { normalizeStrictSchema } from '../normalize-strict-schema.js';
import { temperatureToSend } from '../reasoning-model-temperature.js';
import type { ChatRequest, ChatResponse } from './openai-chat-api-types.js';
import { convertToOpenAIChatMessages } from './convert-to-openai-chat-messages.js';
import type { OpenAIChatOptions } from './openai-chat-options.js';
import { prepareOpenAIChatTools } from './openai-chat-prepare-tools.js';
import { OPENAI_CHAT_QUIRKS, type ChatQuirks } from './openai-chat-quirks.js';
import { openAIChatStreamAdapter, type ChatStreamRaw } from './openai-chat-stream.js';
import { parseOpenAIChatResponse } from './parse-openai-chat-response.js';

/** How an {@link OpenAIChatModel} reaches its server. */
export interface OpenAIChatModelConfig {
  /** The provider name reported on the model and used for `providerOptions`. */
  provider: string;
  transport: HttpTransport;
  /** @default '/chat/completions' */
  path?: string;
  /** How the server departs from OpenAI's behaviour. @default OPENAI_CHAT_QUIRKS */
  quirks?: Partial<ChatQuirks>;
  /** Model-level options; `providerOptions[provider]` on a request overrides them. */
  options?: OpenAIChatOptions;
  /**
   * A provider's extra typed options and the body field each is sent as (`[['randomSeed', 'random_seed']]`); the
   * value is sent as given.
   */
  optionFields?: readonly (readonly [option: string, field: string])[];
}

/** The raw response of Chat Completions: the wire body, with `tokenUsage()`. */
export type OpenAIChatRawResponse = ChatResponse & GetTokenUsage;

const OPTION_FIELDS: [keyof OpenAIChatOptions, string][] = [
  ['reasoningEffort', 'reasoning_effort'],
  ['parallelToolCalls', 'parallel_tool_calls'],
  ['user', 'user'],
  ['safetyIdentifier', 'safety_identifier'],
  ['seed', 'seed'],
  ['topP', 'top_p'],
  ['frequencyPenalty', 'frequency_penalty'],
  ['presencePenalty', 'presence_penalty'],
  ['stop', 'stop'],
  ['logitBias', 'logit_bias'],
  ['logprobs', 'logprobs'],
  ['topLogprobs', 'top_logprobs'],
  ['store', 'store'],
  ['metadata', 'metadata'],
  ['serviceTier', 'service_tier'],
  ['promptCacheKey', 'prompt_cache_key'],
  ['verbosity', 'verbosity'],
];

function schemaInstruction(schema: unknown): string {
  return `Answer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(schema)}`;
}

/** A model behind Chat Completions (`POST /chat/completions`): OpenAI's, or any compatible server's. */
export class OpenAIChatModel extends BaseCompletionModel<OpenAIChatRawResponse, ChatStreamRaw> {
  readonly provider: string;
  readonly quirks: ChatQuirks;
  /** The transport of the client that made this model: batch entry points send their requests through it too. */
  readonly transport: HttpTransport;
  readonly #path: string;
  readonly #options: OpenAIChatOptions | undefined;
  readonly #optionFields: readonly (readonly [string, string])[];

  constructor(modelId: string, config: OpenAIChatModelConfig) {
    super(modelId);
    this.provider = config.provider;
    this.quirks = { ...OPENAI_CHAT_QUIRKS, ...config.quirks };
    this.transport = config.transport;
    this.#path = config.path ?? '/chat/completions';
    this.#options = config.options;
    this.#optionFields = config.optionFields ?? [];
  }

  async completion(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<CompletionResponse<OpenAIChatRawResponse>> {
    const { provider, parseError } = this.transport.settings;
    return postCompletion(
      this.transport,
      this.#path,
      this.requestBody(request, false),
      options,
      (body: ChatResponse, requestId) => parseOpenAIChatResponse(provider, body, requestId, parseError),
      `${provider} sent a response`,
    );
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<ChatStreamRaw>> {
    const { provider, parseError } = this.transport.settings;
    return postCompletionStream(this.transport, this.#path, this.requestBody(request, true), options, {
      format: 'sse',
      adapter: (requestId) => openAIChatStreamAdapter(provider, this.quirks, requestId, parseError),
    });
  }

  /** The request body this model sends for `request`, and the warnings for settings it had to drop. */
  requestBody(request: CompletionRequest, stream: boolean): { body: ChatRequest; warnings: Warning[] } {
    return prepareRequest(request, () => this.#build(request, stream));
  }

  #build(request: CompletionRequest, stream: boolean): { body: ChatRequest; warnings: Warning[] } {
    const quirks = this.quirks;
    const options = mergeProviderOptions<OpenAIChatOptions>(this.#options, request, this.provider);
    const modelId = request.model ?? this.modelId;
    const reasoningModel = isReasoningModel(modelId);
    const warnings: Warning[] = [];

    const documents = documentsMessage(request.documents);
    const conversion = options.audioFormat === undefined ? { quirks } : { quirks, audioFormat: options.audioFormat };
    const messages = convertToOpenAIChatMessages(
      documents ? [documents, ...request.chatHistory] : request.chatHistory,
      conversion,
      documents ? 1 : 0,
    );
    const systemRole = quirks.systemRole === 'auto' ? (reasoningModel ? 'developer' : 'system') : quirks.systemRole;
    const body: ChatRequest = { model: modelId, messages };

    const tools = prepareOpenAIChatTools(request.tools, request.toolChoice, quirks, options.strictTools);
    warnings.push(...tools.warnings);
    if (tools.tools) body.tools = tools.tools;
    if (tools.toolChoice) body.tool_choice = tools.toolChoice;

    const temperature = temperatureToSend(modelId, request.temperature, warnings);
    if (temperature !== undefined) body.temperature = temperature;
    if (request.maxTokens !== undefined) {
      const field =
        quirks.maxTokensField === 'auto'
          ? reasoningModel
            ? 'max_completion_tokens'
            : 'max_tokens'
          : quirks.maxTokensField;
      body[field] = request.maxTokens;
    }

    let instruction: string | undefined;
    if (request.outputSchema) {
      const { name, description, schema } = request.outputSchema;
      if (quirks.structuredOutput === 'json_schema') {
        const strict =
          quirks.strict && options.strictJsonSchema !== false
            ? normalizeStrictSchema(schema)
            : { schema, strict: false, warnings: [] };
        warnings.push(...strict.warnings);
        body.response_format = {
          type: 'json_schema',
          json_schema: { name, ...(description ? { description } : {}), schema: strict.schema, strict: strict.strict },
        };
      } else {
        instruction = schemaInstruction(schema);
        if (quirks.structuredOutput === 'json_object') body.response_format = { type: 'json_object' };
        warnings.push({
          type: 'unsupported',
          feature: 'output schema',
          details: `this server does not enforce JSON schemas; the schema was put in the instructions${quirks.structuredOutput === 'json_object' ? ' and JSON mode turned on' : ''}`,
        });
      }
    }
    const system = [request.preamble, instruction].filter((text): text is string => text !== undefined).join('\n\n');
    if (system !== '') messages.unshift({ role: systemRole, content: system });

    for (const [option, field] of OPTION_FIELDS) if (options[option] !== undefined) body[field] = options[option];
    for (const [option, field] of this.#optionFields) {
      const value = (options as { [option: string]: unknown })[option];
      if (value !== undefined) body[field] = value;
    }
    if (stream) {
      body.stream = true;
      if (quirks.streamUsage) body.stream_options = { include_usage: true };
    }
    warnings.push(...mergeAdditionalParams(body, request.additionalParams, { append: ['tools'], keep: ['stream'] }));
    return { body, warnings };
  }
}
