import { CompletionError, type ToolCall } from '@rig-ts/core';
import {
  describeWireValue,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
} from '@rig-ts/core/internal';
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
 * Every field read is checked: a `content` that is a number, a negative count is a `TypeError` naming it.
 */
export class OllamaResponseReader {
  #calls = 0;
  #reasonings = 0;
  #inReasoning = false;

  read(response: OllamaResponse, accumulator: StreamAccumulator<OllamaResponse>): void {
    if (typeof response !== 'object' || response === null || Array.isArray(response)) {
      throw new CompletionError({
        kind: 'response',
        reason: 'malformed',
        message: `Ollama sent a value that is not a chat response object (got ${describeWireValue(response)})`,
      });
    }
    if (response.error !== undefined && response.error !== null) {
      const message = typeof response.error === 'string' ? response.error : JSON.stringify(response.error);
      throw new CompletionError({
        kind: 'provider',
        message: `Ollama reported an error: ${message}`,
        providerError: { message },
      });
    }
    const model = expectOptionalString(response.model, 'model');
    if (model !== undefined) accumulator.model = model;
    const message =
      response.message === undefined || response.message === null
        ? undefined
        : (expectObject(response.message, 'message') as NonNullable<OllamaResponse['message']>);
    if (message) {
      const thinking = expectOptionalString(message.thinking, 'message.thinking');
      const content = expectOptionalString(message.content, 'message.content');
      const toolCalls = expectOptionalArray(message.tool_calls, 'message.tool_calls');
      if (thinking) {
        if (!this.#inReasoning) {
          this.#reasonings++;
          this.#inReasoning = true;
        }
        accumulator.reasoningDelta(`reasoning-${this.#reasonings}`, thinking);
      }
      if (content || toolCalls.length > 0) this.#endReasoning(accumulator);
      if (content) accumulator.text(content);
      for (let index = 0; index < toolCalls.length; index++) {
        const field = `message.tool_calls[${index}]`;
        const call = expectObject(toolCalls[index], field);
        const fn = expectObject(call.function, `${field}.function`);
        const name = expectString(fn.name, `${field}.function.name`);
        const wireArguments = fn.arguments;
        const args =
          typeof wireArguments === 'string'
            ? parseToolArguments(wireArguments)
            : wireArguments === undefined || wireArguments === null
              ? {}
              : expectObject(wireArguments, `${field}.function.arguments`);
        const callId = expectOptionalString(call.id, `${field}.id`);
        // Arguments that are not JSON are kept as written, so an agent can ask the model for JSON again.
        const toolCall: ToolCall = {
          type: 'tool-call',
          id: callId ?? `ollama-call-${this.#calls}`,
          function: { name, arguments: args ?? {} },
        };
        if (args === undefined) toolCall.unparseableArguments = wireArguments as string;
        this.#calls++;
        if (callId !== undefined) toolCall.callId = callId;
        accumulator.toolCall(toolCall);
      }
    }
    if (response.done !== undefined && response.done !== null && typeof response.done !== 'boolean')
      throw new TypeError(`done is not a boolean (got ${describeWireValue(response.done)})`);
    if (response.done) {
      this.#endReasoning(accumulator);
      accumulator.usage = convertOllamaUsage(response);
      const reason = expectOptionalString(response.done_reason, 'done_reason');
      accumulator.finishReason = mapOllamaFinishReason(reason);
      if (reason !== undefined) accumulator.rawFinishReason = reason;
      accumulator.end();
    }
  }

  #endReasoning(accumulator: StreamAccumulator<OllamaResponse>): void {
    if (!this.#inReasoning) return;
    this.#inReasoning = false;
    accumulator.reasoningEnd(`reasoning-${this.#reasonings}`);
  }
}
