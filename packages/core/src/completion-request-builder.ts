import type { CallOptions } from './call-options.js';
import type { CompletionModel, PromptInput } from './completion-model.js';
import type { CompletionRequest } from './completion-request.js';
import type { CompletionResponse } from './completion-response.js';
import type { Document } from './document.js';
import { invalidRequest } from './errors/completion-error.js';
import type { JsonObject, ProviderOptions } from './json-value.js';
import { Message } from './message.js';
import { OneOrMany } from './one-or-many.js';
import { toOutputSchema, type OutputSchema, type OutputSchemaInput } from './output-schema.js';
import type { StreamingCompletionResponse } from './streaming-completion-response.js';
import type { ToolChoice } from './tool-choice.js';
import { readRequest } from './read-request.js';
import type { ToolDefinition } from './tool-definition.js';
import { validateCompletionRequest } from './validate-completion-request.js';

// A shallow copy of a caller's object, read once; what cannot be read is a request error.
function readObject<T>(value: T, path: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidRequest(`${path} must be an object`, path);
  return readRequest(() => ({ ...value }) as T);
}

// The items of a caller's iterable, read once; what is not iterable (or throws while iterated) is a request error.
function readIterable<T>(items: Iterable<T>, path: string): T[] {
  if (typeof (items as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function')
    throw invalidRequest(`${path} must be an array or another iterable`, path);
  return readRequest(() => [...items]);
}

/**
 * Builds a {@link CompletionRequest} step by step, then `build()`s, `send()`s or `stream()`s it.
 * Made by `model.completionRequest(prompt)`; the history set with `message()` / `messages()` goes before the prompt.
 */
export class CompletionRequestBuilder<Raw = unknown, StreamRaw = unknown> {
  readonly #model: CompletionModel<Raw, StreamRaw>;
  readonly #prompt: Message;
  #history: Message[] = [];
  #documents: Document[] = [];
  #tools: ToolDefinition[] = [];
  #preamble: string | undefined;
  #modelOverride: string | undefined;
  #toolChoice: ToolChoice | undefined;
  #temperature: number | undefined;
  #maxTokens: number | undefined;
  #additionalParams: JsonObject | undefined;
  #outputSchema: OutputSchema | undefined;
  #providerOptions: ProviderOptions | undefined;

  constructor(model: CompletionModel<Raw, StreamRaw>, prompt: PromptInput) {
    this.#model = model;
    this.#prompt = typeof prompt === 'string' ? Message.user(prompt) : prompt;
  }

  /** System instructions (replaces earlier ones). */
  preamble(preamble: string): this {
    this.#preamble = preamble;
    return this;
  }

  /** Removes the preamble. */
  withoutPreamble(): this {
    this.#preamble = undefined;
    return this;
  }

  /** Uses another model id for this request. */
  model(modelId: string): this {
    this.#modelOverride = modelId;
    return this;
  }

  /** Appends one message to the history (before the prompt). */
  message(message: Message): this {
    this.#history.push(message);
    return this;
  }

  /** Appends messages to the history (before the prompt). */
  messages(messages: Iterable<Message>): this {
    this.#history.push(...readIterable(messages, 'messages'));
    return this;
  }

  /** Adds a context document. */
  document(document: Document): this {
    this.#documents.push(document);
    return this;
  }

  /** Adds context documents. */
  documents(documents: Iterable<Document>): this {
    this.#documents.push(...readIterable(documents, 'documents'));
    return this;
  }

  /** Declares a tool the model may call. */
  tool(tool: ToolDefinition): this {
    this.#tools.push(tool);
    return this;
  }

  /** Declares tools the model may call. */
  tools(tools: Iterable<ToolDefinition>): this {
    this.#tools.push(...readIterable(tools, 'tools'));
    return this;
  }

  toolChoice(toolChoice: ToolChoice | undefined): this {
    this.#toolChoice = toolChoice;
    return this;
  }

  temperature(temperature: number | undefined): this {
    this.#temperature = temperature;
    return this;
  }

  maxTokens(maxTokens: number | undefined): this {
    this.#maxTokens = maxTokens;
    return this;
  }

  /**
   * Extra top-level request body fields, merged shallowly into earlier ones. The provider adds them to its body last:
   * `tools` are added to the function tools; a field rig-ts already set is replaced, with a `warning` on the response.
   * @throws {CompletionError} of kind `request` when `params` cannot be read (not an object, a throwing getter or Proxy).
   */
  additionalParams(params: JsonObject): this {
    this.#additionalParams = { ...this.#additionalParams, ...readObject(params, 'additionalParams') };
    return this;
  }

  /** Asks for JSON following a schema: a JSON Schema, or a `TypedSchema`. */
  outputSchema(schema: OutputSchemaInput | undefined): this {
    this.#outputSchema = schema === undefined ? undefined : toOutputSchema(schema);
    return this;
  }

  /** Typed provider options, merged per provider into earlier ones. */
  providerOptions(options: ProviderOptions): this {
    const merged: ProviderOptions = { ...this.#providerOptions };
    readRequest(() => {
      for (const [provider, values] of Object.entries(readObject(options, 'providerOptions')))
        merged[provider] = { ...merged[provider], ...readObject(values, `providerOptions.${provider}`) };
    });
    this.#providerOptions = merged;
    return this;
  }

  /**
   * The request, validated.
   * @throws {CompletionError} of kind `request` when the request is invalid.
   */
  build(): CompletionRequest {
    const request: CompletionRequest = {
      chatHistory: OneOrMany.concat(this.#history, [this.#prompt]),
      documents: [...this.#documents],
      tools: [...this.#tools],
    };
    if (this.#modelOverride !== undefined) request.model = this.#modelOverride;
    if (this.#preamble !== undefined) request.preamble = this.#preamble;
    if (this.#toolChoice !== undefined) request.toolChoice = this.#toolChoice;
    if (this.#temperature !== undefined) request.temperature = this.#temperature;
    if (this.#maxTokens !== undefined) request.maxTokens = this.#maxTokens;
    if (this.#additionalParams !== undefined) request.additionalParams = this.#additionalParams;
    if (this.#outputSchema !== undefined) request.outputSchema = this.#outputSchema;
    if (this.#providerOptions !== undefined) request.providerOptions = this.#providerOptions;
    validateCompletionRequest(request);
    return request;
  }

  /** Builds and sends the request. */
  send(options?: CallOptions): Promise<CompletionResponse<Raw>> {
    return new Promise((resolve) => resolve(this.#model.completion(this.build(), options)));
  }

  /** Builds and streams the request. */
  stream(options?: CallOptions): Promise<StreamingCompletionResponse<StreamRaw>> {
    return new Promise((resolve) => resolve(this.#model.stream(this.build(), options)));
  }
}
