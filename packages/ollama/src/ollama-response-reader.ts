import { CompletionError, type ToolCall } from '@rig-ts/core';
import { parseToolArguments, type StreamAccumulator } from '@rig-ts/streaming/internal';
import { convertOllamaUsage } from './convert-ollama-usage.js';
import type { OllamaResponse } from './ollama-api-types.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';

/**
 * Reads Ollama answers — a whole `/api/chat` body, or each NDJSON line of a stream in turn — into a
 * `StreamAccumulator`, so that streamed and non-streamed results of the same content are built by the same code.
 * `thinking` is reasoning, `content` is text, `tool_calls` arrive whole. Ollama sends no call ids (recent versions
 * may): each call without one gets `ollama-call-<n>`, `n` counting the calls of the answer, so the same answer always
 * gets the same ids; an id Ollama does send is kept as `callId` too. The object with `done: true` ends the answer.
 */
export class OllamaResponseReader {
  #calls = 0;
  #reasonings = 0;
  #inReasoning = false;

  read(response: OllamaResponse, accumulator: StreamAccumulator<OllamaResponse>): void {
    if (typeof response !== 'object' || response === null || Array.isArray(response)) {
      throw new CompletionError({ kind: 'response', reason: 'malformed', message: `Ollama sent a value that is not a chat response object: ${JSON.stringify(response).slice(0, 200)}` });
    }
    if (response.error !== undefined) {
      const message = typeof response.error === 'string' ? response.error : JSON.stringify(response.error);
      throw new CompletionError({ kind: 'provider', message: `Ollama reported an error: ${message}`, providerError: { message } });
    }
    if (response.model !== undefined) accumulator.model = response.model;
    const message = response.message;
    if (message) {
      if (message.thinking) {
        if (!this.#inReasoning) {
          this.#reasonings++;
          this.#inReasoning = true;
        }
        accumulator.reasoningDelta(`reasoning-${this.#reasonings}`, message.thinking);
      }
      if (message.content || message.tool_calls?.length) this.#endReasoning(accumulator);
      if (message.content) accumulator.text(message.content);
      for (const call of message.tool_calls ?? []) {
        const wireArguments = call.function.arguments;
        const args = typeof wireArguments === 'string' ? parseToolArguments(wireArguments) : (wireArguments ?? {});
        if (args === undefined) {
          throw new CompletionError({ kind: 'response', reason: 'malformed', message: `Ollama sent tool call "${call.function.name}" with arguments that are not JSON`, body: String(wireArguments).slice(0, 1000) });
        }
        const toolCall: ToolCall = { type: 'tool-call', id: call.id ?? `ollama-call-${this.#calls}`, function: { name: call.function.name, arguments: args } };
        this.#calls++;
        if (call.id !== undefined) toolCall.callId = call.id;
        accumulator.toolCall(toolCall);
      }
    }
    if (response.done) {
      this.#endReasoning(accumulator);
      accumulator.usage = convertOllamaUsage(response);
      accumulator.finishReason = mapOllamaFinishReason(response.done_reason);
      if (response.done_reason !== undefined) accumulator.rawFinishReason = response.done_reason;
      accumulator.end();
    }
  }

  #endReasoning(accumulator: StreamAccumulator<OllamaResponse>): void {
    if (!this.#inReasoning) return;
    this.#inReasoning = false;
    accumulator.reasoningEnd(`reasoning-${this.#reasonings}`);
  }
}
