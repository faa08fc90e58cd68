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
import type { ResponsesRequest, ResponsesResponse } from './openai-responses-api-types.js';
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input.js';
import type { OpenAIResponsesOptions } from './openai-responses-options.js';
import { prepareOpenAIResponsesTools } from './openai-responses-prepare-tools.js';
import { openAIResponsesStreamAdapter } from './openai-responses-stream.js';
import { parseOpenAIResponsesResponse } from './parse-openai-responses-response.js';

/** How an {@link OpenAIResponsesModel} reaches its server. */
export interface OpenAIResponsesModelConfig {
  /** The provider name reported on the model and used for `providerOptions`. */
  provider: string;
  transport: HttpTransport;
  /** @default '/responses' */
  path?: string;
  /** Model-level options; `providerOptions[provider]` on a request overrides them. */
  options?: OpenAIResponsesOptions;
}

/** The raw response of the Responses API: the wire body, with `tokenUsage()`. */
export type OpenAIResponsesRawResponse = ResponsesResponse & GetTokenUsage;

/** A model behind the OpenAI Responses API (`POST /responses`). */
export class OpenAIResponsesModel extends BaseCompletionModel<OpenAIResponsesRawResponse, OpenAIResponsesRawResponse> {
  readonly provider: string;
  /** The transport of the client that made this model: batch entry points send their requests through it too. */
  readonly transport: HttpTransport;
  readonly #path: string;
  readonly #options: OpenAIResponsesOptions | undefined;

  constructor(modelId: string, config: OpenAIResponsesModelConfig) {
    super(modelId);
    this.provider = config.provider;
    this.transport = config.transport;
    this.#path = config.path ?? '/responses';
    this.#options = config.options;
  }

  async completion(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<CompletionResponse<OpenAIResponsesRawResponse>> {
    const provider = this.transport.settings.provider;
    return postCompletion(
      this.transport,
      this.#path,
      this.requestBody(request, false),
      options,
      (body: ResponsesResponse, requestId) => parseOpenAIResponsesResponse(provider, body, requestId),
      `${provider} sent a response`,
    );
  }

  async stream(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<StreamingCompletionResponse<OpenAIResponsesRawResponse>> {
    const provider = this.transport.settings.provider;
    return postCompletionStream(this.transport, this.#path, this.requestBody(request, true), options, {
      format: 'sse',
      adapter: (requestId) => openAIResponsesStreamAdapter(provider, requestId),
    });
  }

  /** The request body this model sends for `request`, and the warnings for settings it had to drop. */
  requestBody(request: CompletionRequest, stream: boolean): { body: ResponsesRequest; warnings: Warning[] } {
    return prepareRequest(request, () => this.#build(request, stream));
  }

  #build(request: CompletionRequest, stream: boolean): { body: ResponsesRequest; warnings: Warning[] } {
    const options = mergeProviderOptions<OpenAIResponsesOptions>(this.#options, request, this.provider);
    const modelId = request.model ?? this.modelId;
    const reasoningModel = isReasoningModel(modelId);
    const warnings: Warning[] = [];

    const documents = documentsMessage(request.documents);
    const input = convertToOpenAIResponsesInput(
      documents ? [documents, ...request.chatHistory] : request.chatHistory,
      documents ? 1 : 0,
    );
    const body: ResponsesRequest = { model: modelId, input };
    if (request.preamble !== undefined) body.instructions = request.preamble;

    const tools = prepareOpenAIResponsesTools(request.tools, request.toolChoice, options.strictTools);
    warnings.push(...tools.warnings);
    if (tools.tools) body.tools = tools.tools;
    if (tools.toolChoice) body.tool_choice = tools.toolChoice;

    const temperature = temperatureToSend(modelId, request.temperature, warnings);
    if (temperature !== undefined) body.temperature = temperature;
    if (request.maxTokens !== undefined) body.max_output_tokens = request.maxTokens;

    if (request.outputSchema) {
      const { name, description, schema } = request.outputSchema;
      const strict =
        options.strictJsonSchema === false ? { schema, strict: false, warnings: [] } : normalizeStrictSchema(schema);
      warnings.push(...strict.warnings);
      body.text = {
        format: {
          type: 'json_schema',
          name,
          ...(description ? { description } : {}),
          schema: strict.schema,
          strict: strict.strict,
        },
      };
    }
    if (options.textVerbosity)
      body.text = { ...(body.text ?? { format: { type: 'text' } }), verbosity: options.textVerbosity };

    if (options.reasoningEffort || options.reasoningSummary) {
      body.reasoning = {};
      if (options.reasoningEffort) body.reasoning.effort = options.reasoningEffort;
      if (options.reasoningSummary) body.reasoning.summary = options.reasoningSummary;
    }
    const include = [...(options.include ?? [])];
    if (
      reasoningModel &&
      options.includeEncryptedReasoning !== false &&
      !include.includes('reasoning.encrypted_content')
    )
      include.push('reasoning.encrypted_content');
    if (include.length > 0) body.include = include;

    if (options.store !== undefined) body.store = options.store;
    if (options.previousResponseId !== undefined) body.previous_response_id = options.previousResponseId;
    if (options.parallelToolCalls !== undefined) body.parallel_tool_calls = options.parallelToolCalls;
    if (options.serviceTier !== undefined) body.service_tier = options.serviceTier;
    if (options.truncation !== undefined) body.truncation = options.truncation;
    if (options.user !== undefined) body.user = options.user;
    if (options.safetyIdentifier !== undefined) body.safety_identifier = options.safetyIdentifier;
    if (options.promptCacheKey !== undefined) body.prompt_cache_key = options.promptCacheKey;
    if (options.metadata !== undefined) body.metadata = options.metadata;
    if (options.maxToolCalls !== undefined) body.max_tool_calls = options.maxToolCalls;
    if (options.topP !== undefined) body.top_p = options.topP;
    if (options.topLogprobs !== undefined) body.top_logprobs = options.topLogprobs;
    if (stream) body.stream = true;
    warnings.push(...mergeAdditionalParams(body, request.additionalParams, { append: ['tools'], keep: ['stream'] }));
    return { body, warnings };
  }
}
