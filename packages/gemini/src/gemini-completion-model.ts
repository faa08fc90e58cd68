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
import { convertToGeminiMessages } from './convert-to-gemini-messages.js';
import type { GeminiGenerationConfig, GeminiRequest, GeminiResponse } from './gemini-api-types.js';
import type { GeminiOptions } from './gemini-options.js';
import { prepareGeminiTools } from './gemini-prepare-tools.js';
import { geminiStreamAdapter } from './gemini-stream.js';
import { parseGeminiResponse } from './parse-gemini-response.js';

// GeminiOptions fields that live in `generationConfig`.
const GENERATION_OPTIONS = [
  'thinkingConfig',
  'topP',
  'topK',
  'stopSequences',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseModalities',
  'mediaResolution',
] as const satisfies readonly (keyof GeminiOptions)[];

/** A Gemini model (`generateContent` / `streamGenerateContent`). Made by `client.completionModel(id, options)`. */
export class GeminiCompletionModel extends BaseCompletionModel<GeminiResponse, GeminiResponse> {
  readonly provider = 'gemini';
  /** The transport of the client that made this model: the batch entry point sends its requests through it too. */
  readonly transport: HttpTransport;
  readonly #options: GeminiOptions;

  constructor(modelId: string, transport: HttpTransport, options: GeminiOptions = {}) {
    super(modelId);
    this.transport = transport;
    this.#options = options;
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<GeminiResponse>> {
    const prepared = this.requestBody(request);
    return postCompletion(
      this.transport,
      `${prepared.path}:generateContent`,
      prepared,
      options,
      parseGeminiResponse,
      'Gemini sent a response',
    );
  }

  async stream(
    request: CompletionRequest,
    options?: CallOptions,
  ): Promise<StreamingCompletionResponse<GeminiResponse>> {
    const prepared = this.requestBody(request);
    return postCompletionStream(this.transport, `${prepared.path}:streamGenerateContent?alt=sse`, prepared, options, {
      format: 'sse',
      adapter: geminiStreamAdapter,
    });
  }

  /**
   * The `generateContent` body this model sends for `request`, the model's path (`/models/{id}`, the method appended
   * to it), and the warnings for settings it had to drop.
   */
  requestBody(request: CompletionRequest): { path: string; body: GeminiRequest; warnings: Warning[] } {
    return prepareRequest(request, () => this.#build(request));
  }

  #build(request: CompletionRequest): { path: string; body: GeminiRequest; warnings: Warning[] } {
    const options = mergeProviderOptions<GeminiOptions>(this.#options, request, 'gemini');
    const { systemInstruction, contents } = convertToGeminiMessages(
      request.preamble,
      request.documents,
      request.chatHistory,
    );
    const { tools, toolConfig, warnings } = prepareGeminiTools(
      request.tools,
      request.toolChoice,
      options.providerTools,
    );
    const generationConfig: GeminiGenerationConfig = {};
    if (request.temperature !== undefined) generationConfig.temperature = request.temperature;
    if (request.maxTokens !== undefined) generationConfig.maxOutputTokens = request.maxTokens;
    if (request.outputSchema !== undefined) {
      generationConfig.responseMimeType = 'application/json';
      generationConfig.responseJsonSchema = request.outputSchema.schema;
    }
    for (const key of GENERATION_OPTIONS) if (options[key] !== undefined) generationConfig[key] = options[key];
    const body: GeminiRequest = { contents, generationConfig };
    if (systemInstruction !== undefined) body.systemInstruction = systemInstruction;
    if (tools !== undefined) body.tools = tools;
    if (toolConfig !== undefined) body.toolConfig = toolConfig;
    if (options.safetySettings !== undefined) body.safetySettings = options.safetySettings;
    if (options.cachedContent !== undefined) body.cachedContent = options.cachedContent;
    // As in Rig, `generationConfig` in additionalParams merges into ours key by key and `tools` (codeExecution,
    // googleSearch…) join the function declarations; other fields replace top-level ones, with a warning.
    warnings.push(
      ...mergeAdditionalParams(body, request.additionalParams, { append: ['tools'], merge: ['generationConfig'] }),
    );
    const modelId = request.model ?? this.modelId;
    return { path: `/${modelId.includes('/') ? modelId : `models/${modelId}`}`, body, warnings };
  }
}
