import { context, type Context } from '@opentelemetry/api';
import {
  BaseCompletionModel,
  type CallOptions,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { StreamingResponse } from '@rig-ts/streaming';
import { GenAiTelemetry } from './gen-ai-telemetry.js';
import { ModelCall, type RunBinding } from './model-call.js';
import { TracedStreamSource } from './traced-stream-source.js';
import type { TracingOptions } from './tracing-options.js';

/**
 * A model whose every call is traced (see {@link traced}). Its `prompt`, `chat`, `streamPrompt`, `streamChat` and
 * `completionRequest(…).send()` / `.stream()` all go through its `completion` and `stream`.
 */
export class TracedModel<Raw = unknown, StreamRaw = unknown> extends BaseCompletionModel<Raw, StreamRaw> {
  readonly provider: string;
  /** The model being traced. */
  readonly model: CompletionModel<Raw, StreamRaw>;
  readonly #telemetry: GenAiTelemetry;
  readonly #binding: RunBinding | undefined;

  /** @internal Made by {@link traced}. */
  constructor(model: CompletionModel<Raw, StreamRaw>, telemetry: GenAiTelemetry, binding?: RunBinding) {
    super(model.modelId);
    this.provider = model.provider;
    this.model = model;
    this.#telemetry = telemetry;
    this.#binding = binding;
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse<Raw>> {
    const call = ModelCall.start(this.#telemetry, this.model, request, options, this.#binding, false);
    if (call === undefined) return this.model.completion(request, options);
    try {
      const response = await context.with(call.context, () =>
        this.model.completion(request, call.innerOptions(options)),
      );
      call.succeed(response);
      return response;
    } catch (error) {
      call.fail(error);
      throw error;
    }
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse<StreamRaw>> {
    const call = ModelCall.start(this.#telemetry, this.model, request, options, this.#binding, true);
    if (call === undefined) return this.model.stream(request, options);
    let stream: StreamingCompletionResponse<StreamRaw>;
    try {
      stream = await context.with(call.context, () => this.model.stream(request, call.innerOptions(options)));
    } catch (error) {
      call.fail(error);
      throw error;
    }
    return new StreamingResponse(new TracedStreamSource(stream, call));
  }

  /**
   * The same traced model with its spans parented to `parent` (unless a call's options carry `withTraceParent`): an
   * explicit parent for code without an async context manager. `tracingHook()` binds each agent run this way.
   */
  withParent(parent: Context): TracedModel<Raw, StreamRaw> {
    return new TracedModel(this.model, this.#telemetry, { parent });
  }

  /** @internal The same traced model bound to an agent run (its parent, and its activity for the run's watchdog). */
  bind(binding: RunBinding): TracedModel<Raw, StreamRaw> {
    return new TracedModel(this.model, this.#telemetry, binding);
  }
}

/**
 * Wraps `model` so that every call makes an OpenTelemetry GenAI span (`chat {model}`, kind CLIENT) and records the
 * `gen_ai.client.*` metrics. With no SDK registered, a call costs a non-recording span and nothing else.
 *
 * @example
 * const model = traced(openai.Client.fromEnv().completionModel('gpt-4o'), { captureContent: false });
 * await model.prompt('Explain quantum computing'); // one `chat gpt-4o` span
 */
export function traced<Raw, StreamRaw>(
  model: CompletionModel<Raw, StreamRaw>,
  options: TracingOptions = {},
): TracedModel<Raw, StreamRaw> {
  return new TracedModel(model, new GenAiTelemetry(options));
}
