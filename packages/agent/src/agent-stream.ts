import {
  RigError,
  type CompletionResponse,
  type PromptInput,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type Usage,
} from '@rig-ts/core';
import type { AgentConfig } from './agent-config.js';
import { AgentRun } from './agent-run.js';
import type { AgentRunOptions } from './agent-run-options.js';
import { callOptionsOf } from './run-agent.js';

async function* agentItems(config: AgentConfig, run: AgentRun, signal: AbortSignal, onResponse: (response: CompletionResponse, requestId: string | undefined) => void): AsyncGenerator<StreamedAssistantContent> {
  const call = callOptionsOf(run.options, signal);
  for (;;) {
    const request = await run.nextRequest();
    const stream = await run.model.stream(request, call);
    let response: CompletionResponse | undefined;
    for await (const item of stream) {
      if (item.type === 'final') {
        response = item.response;
        continue;
      }
      for (const hook of run.hooks) hook.onStreamItem?.({ turn: run.turn, item });
      yield item;
    }
    if (!response) return;
    const toolCalls = await run.recordResponse(request, response);
    if (toolCalls.length === 0) {
      const final: CompletionResponse = { ...response, usage: run.usage };
      onResponse(final, stream.requestId);
      yield final.rawFinishReason === undefined
        ? { type: 'final', usage: run.usage, finishReason: final.finishReason, response: final }
        : { type: 'final', usage: run.usage, finishReason: final.finishReason, rawFinishReason: final.rawFinishReason, response: final };
      return;
    }
    for (const toolResult of await run.runTools(toolCalls)) yield { type: 'tool-result', toolResult };
  }
}

/**
 * A streamed agent run: text, reasoning and tool-call items of every model call, a `tool-result` item per tool that
 * ran, then one `final` item whose usage is summed over the run. `final` resolves with the last answer (usage summed).
 */
export class AgentStream implements StreamingCompletionResponse {
  readonly #items: AsyncGenerator<StreamedAssistantContent>;
  readonly #controller = new AbortController();
  readonly #run: AgentRun;
  #consumed = false;
  #cancelled = false;
  #response: CompletionResponse | undefined;
  #requestId: string | undefined;
  #final: Promise<CompletionResponse> | undefined;
  #resolveFinal: ((response: CompletionResponse) => void) | undefined;
  #rejectFinal: ((error: unknown) => void) | undefined;
  #onUserAbort: (() => void) | undefined;
  #userSignal: AbortSignal | undefined;
  #settled: { error?: unknown } | undefined;

  constructor(config: AgentConfig, prompt: PromptInput, options: AgentRunOptions = {}) {
    const userSignal = options.signal;
    this.#userSignal = userSignal;
    if (userSignal) {
      if (userSignal.aborted) this.#controller.abort(userSignal.reason);
      else userSignal.addEventListener('abort', (this.#onUserAbort = () => this.#controller.abort(userSignal.reason)), { once: true });
    }
    this.#run = new AgentRun(config, prompt, { ...options, signal: this.#controller.signal }, true);
    this.#items = agentItems(config, this.#run, this.#controller.signal, (response, requestId) => {
      this.#response = response;
      this.#requestId = requestId;
    });
  }

  get requestId(): string | undefined {
    return this.#requestId;
  }

  get final(): Promise<CompletionResponse> {
    if (!this.#final) {
      this.#final = new Promise((resolve, reject) => {
        this.#resolveFinal = resolve;
        this.#rejectFinal = reject;
      });
      if (this.#settled) this.#settleFinal();
      else if (!this.#consumed) void this.#drain();
    }
    return this.#final;
  }

  get textStream(): AsyncIterable<string> {
    const iterator = this[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<string>> => {
          for (;;) {
            const result = await iterator.next();
            if (result.done) return { value: undefined, done: true };
            if (result.value.type === 'text') return { value: result.value.text, done: false };
          }
        },
        return: async () => {
          await iterator.return?.();
          return { value: undefined, done: true };
        },
      }),
    };
  }

  usage(): Usage | undefined {
    return this.#response?.usage;
  }

  tokenUsage(): Usage | undefined {
    return this.#response?.usage;
  }

  cancel(reason?: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#controller.abort(reason ?? new DOMException('The stream was cancelled', 'AbortError'));
    this.#run.end(this.#response ? { response: this.#response } : { cancelled: true, error: this.#controller.signal.reason });
  }

  toReadableStream(): ReadableStream<StreamedAssistantContent> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: (reason) => this.cancel(reason),
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamedAssistantContent> {
    if (this.#consumed) {
      const error = new RigError({ message: 'this stream is already being consumed: iterate it once, and await `final` from the same consumer' });
      return { next: () => Promise.reject(error) };
    }
    this.#consumed = true;
    return {
      next: () => this.#next(),
      return: async () => {
        this.cancel();
        await this.#items.return(undefined).catch(() => undefined);
        return { value: undefined, done: true };
      },
    };
  }

  async #next(): Promise<IteratorResult<StreamedAssistantContent>> {
    try {
      const result = await this.#items.next();
      if (result.done) this.#settle();
      return result;
    } catch (error) {
      if (this.#cancelled) {
        this.#settle();
        return { value: undefined, done: true };
      }
      const failure = this.#run.fail(error);
      this.#settle(failure);
      throw failure;
    }
  }

  async #drain(): Promise<void> {
    this.#consumed = true;
    try {
      for (;;) if ((await this.#next()).done) return;
    } catch {
      // Settled through `final`.
    }
  }

  #settle(error?: unknown): void {
    if (this.#settled) return;
    this.#settled = error === undefined ? {} : { error };
    this.#run.end(error !== undefined ? { error } : this.#response ? { response: this.#response } : { cancelled: true, error: this.#controller.signal.reason });
    if (this.#onUserAbort) this.#userSignal?.removeEventListener('abort', this.#onUserAbort);
    this.#settleFinal();
  }

  #settleFinal(): void {
    const settled = this.#settled;
    if (!settled || !this.#final) return;
    if (settled.error !== undefined) this.#rejectFinal?.(settled.error);
    else if (this.#response) this.#resolveFinal?.(this.#response);
    else this.#rejectFinal?.(this.#controller.signal.reason ?? new DOMException('The stream was cancelled', 'AbortError'));
  }
}
