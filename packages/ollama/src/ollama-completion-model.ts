import {
  BaseCompletionModel,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
  type Warning,
} from '@rig-ts/core';
import { mergeAdditionalParams, mergeProviderOptions, postCompletion, prepareRequest } from '@rig-ts/core/internal';
import type { HttpTransport } from '@rig-ts/http';
import { postCompletionStream } from '@rig-ts/streaming/internal';
import { convertToOllamaMessages } from './convert-to-ollama-messages.js';
import type { OllamaRequest, OllamaResponse } from './ollama-api-types.js';
import type { OllamaOptions } from './ollama-options.js';
import { prepareOllamaTools } from './ollama-prepare-tools.js';
import { ollamaStreamAdapter } from './ollama-stream.js';
import { parseOllamaResponse } from './parse-ollama-response.js';

/** An Ollama model, through the native `/api/chat` endpoint. Made by `client.completionModel(id, options)`. */
export class OllamaCompletionModel extends BaseCompletionModel<OllamaResponse, OllamaResponse> {
  readonly provider = 'ollama';
  /** The transport of the client that made this model. */
  readonly transport: HttpTransport;
  readonly #options: OllamaOptions;

  constructor(modelId: string, transport: HttpTransport, options: OllamaOptions = {}) {
    super(modelId);
    this.transport = transport;
    this.#options = options;
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<OllamaResponse>> {
    return postCompletion(
      this.transport,
      '/api/chat',
      this.requestBody(request, false),
      options,
      parseOllamaResponse,
      'Ollama sent a response',
    );
  }

  async stream(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<StreamingCompletionResponse<OllamaResponse>> {
    // Ollama streams `application/x-ndjson`; an answer that needs no generation (a model load) comes as one `application/json` object.
    return postCompletionStream(this.transport, '/api/chat', this.requestBody(request, true), options, {
      format: 'ndjson',
      adapter: ollamaStreamAdapter,
      contentTypes: ['application/x-ndjson', 'application/json'],
    });
  }

  /** The `/api/chat` body this model sends for `request`, and the warnings for settings it had to drop. */
  requestBody(request: CompletionRequest, stream: boolean): { body: OllamaRequest; warnings: Warning[] } {
    return prepareRequest(request, () => this.#build(request, stream));
  }

  #build(request: CompletionRequest, stream: boolean): { body: OllamaRequest; warnings: Warning[] } {
    const options = mergeProviderOptions<OllamaOptions>(this.#options, request, 'ollama');
    const { tools, warnings } = prepareOllamaTools(request.tools, request.toolChoice);
    const body: OllamaRequest = {
      model: request.model ?? this.modelId,
      messages: convertToOllamaMessages(request.preamble, request.documents, request.chatHistory),
      stream,
    };
    if (tools !== undefined) body.tools = tools;
    const format = request.outputSchema?.schema ?? options.format;
    if (format !== undefined) body.format = format;
    // The model parameters (`options`) merge one level deeper: a request's `options.seed` keeps the model's `options.top_k`.
    const requestParameters = (request.providerOptions?.ollama as OllamaOptions | undefined)?.options;
    const modelParameters: { [option: string]: unknown } = { ...this.#options.options, ...requestParameters };
    if (request.temperature !== undefined) modelParameters.temperature = request.temperature;
    if (request.maxTokens !== undefined) modelParameters.num_predict = request.maxTokens;
    if (Object.keys(modelParameters).length > 0) body.options = modelParameters;
    if (options.think !== undefined) body.think = options.think;
    if (options.keepAlive !== undefined) body.keep_alive = options.keepAlive;
    if (options.logprobs !== undefined) body.logprobs = options.logprobs;
    if (options.topLogprobs !== undefined) body.top_logprobs = options.topLogprobs;
    // `options` in additionalParams merges into the model parameters key by key and `tools` join the declared ones;
    // other fields replace top-level ones, with a warning; `stream` is the call's.
    warnings.push(
      ...mergeAdditionalParams(body, request.additionalParams, {
        append: ['tools'],
        merge: ['options'],
        keep: ['stream'],
      }),
    );
    return { body, warnings };
  }
}
