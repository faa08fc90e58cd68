import { CompletionError, type ToolCall } from '@rig-ts/core';
import { isRetryableStatus } from '@rig-ts/core/internal';
import { extractProviderError } from '@rig-ts/http';
import type { StreamAccumulator } from '@rig-ts/streaming/internal';
import { convertGeminiUsage } from './convert-gemini-usage.js';
import type { GeminiFunctionCall, GeminiPart, GeminiPartialArg, GeminiResponse, GeminiUsageMetadata } from './gemini-api-types.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

type JsonContainer = { [key: string]: unknown } | unknown[];

interface OpenCall {
  key: string;
  args: { [key: string]: unknown };
  /** The JSON path whose string value continues in the next piece. */
  continuing: string | undefined;
}

const PATH_SEGMENT = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;

function setOwn(container: JsonContainer, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

function getOwn(container: JsonContainer, key: string | number): unknown {
  return Object.hasOwn(container, key) ? (container as { [key: string]: unknown })[key] : undefined;
}

// Builds streamed arguments (`partialArgs`) into the arguments object: `$.recipe.steps[1]` addresses a value;
// string pieces flagged `willContinue` are concatenated.
function applyPartialArg(call: OpenCall, arg: GeminiPartialArg): void {
  const path: (string | number)[] = [];
  for (const match of arg.jsonPath.matchAll(PATH_SEGMENT)) path.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4])!);
  const last = path.pop();
  if (last === undefined) return;
  let container: JsonContainer = call.args;
  path.forEach((segment, index) => {
    let next = getOwn(container, segment);
    if (typeof next !== 'object' || next === null) setOwn(container, segment, (next = typeof (path[index + 1] ?? last) === 'number' ? [] : {}));
    container = next as JsonContainer;
  });
  const previous = getOwn(container, last);
  const value =
    arg.stringValue !== undefined
      ? call.continuing === arg.jsonPath && typeof previous === 'string'
        ? previous + arg.stringValue
        : arg.stringValue
      : (arg.numberValue ?? arg.boolValue ?? null);
  setOwn(container, last, value);
  call.continuing = arg.willContinue ? arg.jsonPath : undefined;
}

/**
 * Reads Gemini responses — a whole `generateContent` body, or each event of a stream in turn — into a
 * `StreamAccumulator`, so that the streamed and the non-streamed results of the same content are built by the same
 * code and are equal.
 *
 * - `thought: true` parts are reasoning; a `thoughtSignature` on one is the reasoning's signature.
 * - Other text parts are text; a `thoughtSignature` on one (or on an empty text part after it, as streams send it)
 *   is kept on the text block as `providerMetadata.gemini.thoughtSignature` and sent back on that part; a second
 *   signature starts a new text block, so none is lost.
 * - `functionCall` parts are tool calls with the part's signature. Gemini REST sends no ids, so each call gets
 *   `gemini-<responseId>-<n>` (stable for the same response); an id Gemini does send is kept as `callId` too, the
 *   only id that is ever sent back. Calls streamed as `partialArgs` are assembled.
 * - `executableCode`, `codeExecutionResult` and inline media parts are not content (they stay in `rawResponse`).
 */
export class GeminiResponseReader {
  /** True once a candidate reported a `finishReason` (streams may send intermediate ones; the last one wins). */
  finished = false;
  #responseId: string | undefined;
  #calls = 0;
  #texts = 0;
  #reasonings = 0;
  #last: 'text' | 'reasoning' | 'tool' | undefined;
  #reasoningSigned = false;
  #textSigned = false;
  #open: OpenCall | undefined;
  #usage: GeminiUsageMetadata | undefined;

  read(response: GeminiResponse, accumulator: StreamAccumulator<GeminiResponse>): void {
    const error = response.error;
    if (error !== undefined) {
      throw new CompletionError({
        kind: 'provider',
        message: `Gemini reported an error in the stream: ${error.message ?? JSON.stringify(error)}`,
        providerError: extractProviderError(response) ?? {},
        isRetryable: typeof error.code === 'number' && isRetryableStatus(error.code),
      });
    }
    if (response.responseId !== undefined) accumulator.id = this.#responseId ??= response.responseId;
    if (response.modelVersion !== undefined) accumulator.model = response.modelVersion;
    // Counts are cumulative; events with none (`{ trafficType }` only) do not reset them.
    const usage = response.usageMetadata;
    if (usage !== undefined && (usage.totalTokenCount !== undefined || usage.promptTokenCount !== undefined)) this.#usage = usage;
    const candidate = response.candidates?.[0];
    if (candidate === undefined) {
      const feedback = response.promptFeedback;
      if (feedback?.blockReason !== undefined) {
        const detail = feedback.blockReasonMessage ?? 'the prompt was blocked';
        throw new CompletionError({
          kind: 'provider',
          message: `Gemini blocked the prompt (blockReason ${feedback.blockReason}): ${detail}`,
          providerError: { type: feedback.blockReason, message: detail },
        });
      }
      return;
    }
    for (const part of candidate.content?.parts ?? []) this.#part(part, accumulator);
    if (candidate.finishReason !== undefined) {
      accumulator.rawFinishReason = candidate.finishReason;
      accumulator.finishReason = mapGeminiFinishReason(candidate.finishReason);
      this.finished = true;
    }
  }

  /** After the last response: completes a streamed call whose last piece never came, and sets the usage. */
  finish(accumulator: StreamAccumulator<GeminiResponse>): void {
    this.#closeCall(accumulator);
    if (this.#usage !== undefined) accumulator.usage = convertGeminiUsage(this.#usage);
  }

  #closeCall(accumulator: StreamAccumulator<GeminiResponse>): void {
    const open = this.#open;
    if (open === undefined) return;
    this.#open = undefined;
    accumulator.toolCallEnd(open.key, JSON.stringify(open.args));
  }

  #part(part: GeminiPart, accumulator: StreamAccumulator<GeminiResponse>): void {
    const signature = part.thoughtSignature;
    if (part.functionCall !== undefined) this.#functionCall(part.functionCall, signature, accumulator);
    else if (part.thought) {
      if (this.#last !== 'reasoning' || (signature !== undefined && this.#reasoningSigned)) this.#startReasoning(accumulator);
      const key = `reasoning-${this.#reasonings}`;
      if (part.text) accumulator.reasoningDelta(key, part.text);
      if (signature !== undefined) {
        accumulator.reasoningSignature(key, signature);
        this.#reasoningSigned = true;
      }
    } else if (part.text !== undefined || signature !== undefined) {
      this.#endReasoning(accumulator);
      if (this.#last !== 'text' || (signature !== undefined && this.#textSigned)) {
        this.#texts++;
        this.#textSigned = false;
        this.#last = 'text';
      }
      const key = `text-${this.#texts}`;
      if (part.text) accumulator.text(part.text, key);
      if (signature !== undefined) {
        accumulator.textMetadata({ gemini: { thoughtSignature: signature } }, key);
        this.#textSigned = true;
      }
    }
  }

  #startReasoning(accumulator: StreamAccumulator<GeminiResponse>): void {
    this.#endReasoning(accumulator);
    this.#reasonings++;
    this.#reasoningSigned = false;
    this.#last = 'reasoning';
  }

  #endReasoning(accumulator: StreamAccumulator<GeminiResponse>): void {
    if (this.#last === 'reasoning') accumulator.reasoningEnd(`reasoning-${this.#reasonings}`);
  }

  #functionCall(call: GeminiFunctionCall, signature: string | undefined, accumulator: StreamAccumulator<GeminiResponse>): void {
    let open = this.#open;
    if (call.name !== undefined) {
      this.#closeCall(accumulator);
      this.#endReasoning(accumulator);
      this.#last = 'tool';
      const index = this.#calls++;
      const id = call.id ?? `gemini-${this.#responseId ?? 'call'}-${index}`;
      if (!call.willContinue) {
        const toolCall: ToolCall = { type: 'tool-call', id, function: { name: call.name, arguments: call.args ?? {} } };
        if (call.id !== undefined) toolCall.callId = call.id;
        if (signature !== undefined) toolCall.signature = signature;
        accumulator.toolCall(toolCall);
        return;
      }
      const key = `call-${index}`;
      accumulator.toolCallStart(key, { id, name: call.name, ...(call.id !== undefined ? { callId: call.id } : {}), ...(signature !== undefined ? { signature } : {}) });
      open = this.#open = { key, args: {}, continuing: undefined };
      if (call.args !== undefined) Object.assign(open.args, call.args);
    } else if (open === undefined) return;
    else if (signature !== undefined) accumulator.toolCallUpdate(open.key, { signature });
    for (const arg of call.partialArgs ?? []) applyPartialArg(open, arg);
    if (!call.willContinue) this.#closeCall(accumulator);
  }
}
