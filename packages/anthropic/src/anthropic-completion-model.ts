import {
  BaseCompletionModel,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type JsonSchema,
  type StreamingCompletionResponse,
  type Warning,
} from '@rig-ts/core';
import { mergeAdditionalParams, mergeProviderOptions, postCompletion, prepareRequest } from '@rig-ts/core/internal';
import type { HttpTransport } from '@rig-ts/http';
import { postCompletionStream } from '@rig-ts/streaming/internal';
import type { AnthropicMessage, AnthropicMessagesRequest } from './anthropic-api-types.js';
import { anthropicModelCapabilities } from './anthropic-model-capabilities.js';
import type { AnthropicOptions } from './anthropic-options.js';
import { JSON_TOOL_NAME, prepareAnthropicTools } from './anthropic-prepare-tools.js';
import { anthropicStreamAdapter } from './anthropic-stream.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { parseAnthropicResponse, type AnthropicRawResponse } from './parse-anthropic-response.js';

/** What {@link AnthropicCompletionModel.requestBody} returns. */
export interface AnthropicArgs {
  body: AnthropicMessagesRequest;
  warnings: Warning[];
  jsonToolName: string | undefined;
}

// JSON-schema output requires `additionalProperties: false` on every object.
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema))
    result[key] =
      key === 'enum' || key === 'const' || key === 'default' || key === 'examples' ? value : closeObjects(value);
  if (result.type === 'object' && result.additionalProperties === undefined) result.additionalProperties = false;
  return result;
}

/**
 * A Claude model on the Messages API (`POST /messages`). Options given to `client.completionModel(id, options)` apply
 * to every request; `providerOptions.anthropic` on a request overrides them field by field, and
 * `additionalParams` are merged into the body last: an `additionalParams.tools` array (server tools) is appended to
 * the tools, and a field rig-ts already set is replaced with a warning on the response.
 */
export class AnthropicCompletionModel extends BaseCompletionModel<AnthropicRawResponse, AnthropicRawResponse> {
  readonly provider = 'anthropic';
  /** The transport of the client that made this model: the batch entry point sends its requests through it too. */
  readonly transport: HttpTransport;
  readonly #options: AnthropicOptions;

  constructor(modelId: string, transport: HttpTransport, options: AnthropicOptions = {}) {
    super(modelId);
    this.transport = transport;
    this.#options = options;
  }

  async completion(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<CompletionResponse<AnthropicRawResponse>> {
    const prepared = this.requestBody(request, false);
    return postCompletion(
      this.transport,
      '/messages',
      prepared,
      options,
      (body: AnthropicMessage, requestId) =>
        parseAnthropicResponse(body, { jsonToolName: prepared.jsonToolName, requestId }),
      'Anthropic sent a response',
    );
  }

  async stream(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<StreamingCompletionResponse<AnthropicRawResponse>> {
    const prepared = this.requestBody(request, true);
    return postCompletionStream(this.transport, '/messages', prepared, options, {
      format: 'sse',
      adapter: () => anthropicStreamAdapter({ jsonToolName: prepared.jsonToolName }),
    });
  }

  /**
   * The Messages API body this model sends for `request`, the warnings for settings it had to drop, and the name of the
   * structured-output tool when the answer comes back as that tool's input.
   */
  requestBody(request: CompletionRequest, stream: boolean): AnthropicArgs {
    return prepareRequest(request, () => this.#build(request, stream));
  }

  #build(request: CompletionRequest, stream: boolean): AnthropicArgs {
    const options = mergeProviderOptions<AnthropicOptions>(this.#options, request, 'anthropic');
    const modelId = request.model ?? this.modelId;
    const capabilities = anthropicModelCapabilities(modelId);
    const thinking = options.thinking;
    const thinkingOn = thinking !== undefined && thinking.type !== 'disabled';
    const schema = request.outputSchema;
    const mode = options.structuredOutputMode ?? 'auto';
    const native =
      schema !== undefined && (mode === 'native' || (mode === 'auto' && capabilities.nativeStructuredOutput));
    const jsonTool = native ? undefined : schema;

    const prompt = convertToAnthropicMessages({
      preamble: request.preamble,
      documents: request.documents,
      chatHistory: request.chatHistory,
      systemCacheControl: options.systemCacheControl,
    });
    const tools = prepareAnthropicTools({
      tools: request.tools,
      toolChoice: request.toolChoice,
      disableParallelToolUse: options.disableParallelToolUse,
      jsonTool,
      thinking: thinkingOn,
    });
    const warnings = [...prompt.warnings, ...tools.warnings];
    const body: AnthropicMessagesRequest = {
      model: modelId,
      max_tokens: request.maxTokens ?? options.maxTokens ?? capabilities.maxOutputTokens,
      messages: prompt.messages,
    };
    if (prompt.system !== undefined) body.system = prompt.system;
    if (tools.tools !== undefined) {
      body.tools = tools.tools;
      body.tool_choice = tools.toolChoice!;
    }
    if (request.temperature !== undefined) {
      if (thinkingOn)
        warnings.push({
          type: 'unsupported',
          feature: 'temperature',
          details: 'Anthropic does not take a temperature while thinking is enabled; it was not sent',
        });
      else body.temperature = request.temperature;
    }
    if (options.topP !== undefined) body.top_p = options.topP;
    if (options.topK !== undefined) body.top_k = options.topK;
    if (options.stopSequences !== undefined) body.stop_sequences = options.stopSequences;
    if (options.userId !== undefined) body.metadata = { user_id: options.userId };
    if (options.serviceTier !== undefined) body.service_tier = options.serviceTier;
    if (thinking !== undefined)
      body.thinking =
        thinking.type === 'enabled'
          ? { type: 'enabled', budget_tokens: thinking.budgetTokens }
          : { type: thinking.type };
    if (native || options.effort !== undefined) {
      const outputConfig: { [key: string]: unknown } = {};
      if (options.effort !== undefined) outputConfig.effort = options.effort;
      if (native) outputConfig.format = { type: 'json_schema', schema: closeObjects(schema.schema) };
      body.output_config = outputConfig;
    }
    if (options.cacheControl !== undefined) body.cache_control = options.cacheControl;
    if (stream) body.stream = true;
    warnings.push(...mergeAdditionalParams(body, request.additionalParams, { append: ['tools'], keep: ['stream'] }));
    return { body, warnings, jsonToolName: jsonTool === undefined ? undefined : JSON_TOOL_NAME };
  }
}
