import { CompletionError, type ToolCall, type Usage } from '@rig-ts/core';
import {
  isRetryableStatus,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
} from '@rig-ts/core/internal';
import { extractProviderError } from '@rig-ts/http';
import type { StreamAccumulator } from '@rig-ts/streaming/internal';
import { convertGeminiUsage } from './convert-gemini-usage.js';
import type {
  GeminiCandidate,
  GeminiFunctionCall,
  GeminiPart,
  GeminiPartialArg,
  GeminiResponse,
} from './gemini-api-types.js';
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
  expectObject(arg, 'functionCall.partialArgs[]');
  const jsonPath = expectString(arg.jsonPath, 'functionCall.partialArgs[].jsonPath');
  if (arg.stringValue !== undefined) expectString(arg.stringValue, 'functionCall.partialArgs[].stringValue');
  if (arg.numberValue !== undefined && typeof arg.numberValue !== 'number')
    throw new TypeError(`functionCall.partialArgs[].numberValue is not a number`);
  if (arg.boolValue !== undefined && typeof arg.boolValue !== 'boolean')
    throw new TypeError(`functionCall.partialArgs[].boolValue is not a boolean`);
  const path: (string | number)[] = [];
  for (const match of jsonPath.matchAll(PATH_SEGMENT))
    path.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4])!);
  const last = path.pop();
  if (last === undefined) return;
  let container: JsonContainer = call.args;
  path.forEach((segment, index) => {
    let next = getOwn(container, segment);
    if (typeof next !== 'object' || next === null)
      setOwn(container, segment, (next = typeof (path[index + 1] ?? last) === 'number' ? [] : {}));
    container = next as JsonContainer;
  });
  const previous = getOwn(container, last);
  const value =
    arg.stringValue !== undefined
      ? call.continuing === jsonPath && typeof previous === 'string'
        ? previous + arg.stringValue
        : arg.stringValue
      : (arg.numberValue ?? arg.boolValue ?? null);
  setOwn(container, last, value);
  call.continuing = arg.willContinue ? jsonPath : undefined;
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
 * - `executableCode`, `codeExecutionResult` and inline media parts are not content (they stay in `rawResponse`; an
 *   answer made only of them is not empty).
 * - Every field read is checked: a text that is not a string, a usage count that is negative is a `TypeError` naming it.
 */
export class GeminiResponseReader {
  /** True once a candidate reported a `finishReason` (streams may send intermediate ones; the last one wins). */
  finished = false;
  /**
   * True when the last response read is an end: it carries a `finishReason` and usage counts, and the answer's latest
   * part is not code the provider ran (a code-execution round, after which Gemini sends an intermediate `finishReason`
   * and goes on).
   */
  complete = false;
  #responseId: string | undefined;
  #calls = 0;
  #texts = 0;
  #reasonings = 0;
  #last: 'text' | 'reasoning' | 'tool' | undefined;
  #reasoningSigned = false;
  #textSigned = false;
  #open: OpenCall | undefined;
  #usage: Usage | undefined;
  /** The latest part was `executableCode` / `codeExecutionResult`. */
  #inCodeExecution = false;

  read(response: GeminiResponse, accumulator: StreamAccumulator<GeminiResponse>): void {
    const error = response.error;
    if (error !== undefined && error !== null) {
      const message =
        typeof error === 'object' && typeof error.message === 'string' ? error.message : JSON.stringify(error);
      throw new CompletionError({
        kind: 'provider',
        message: `Gemini reported an error in the stream: ${message}`,
        providerError: extractProviderError(response) ?? {},
        isRetryable: typeof error === 'object' && typeof error.code === 'number' && isRetryableStatus(error.code),
      });
    }
    const responseId = expectOptionalString(response.responseId, 'responseId');
    if (responseId !== undefined) accumulator.id = this.#responseId ??= responseId;
    const modelVersion = expectOptionalString(response.modelVersion, 'modelVersion');
    if (modelVersion !== undefined) accumulator.model = modelVersion;
    // Counts are cumulative; events with none (`{ trafficType }` only) do not reset them.
    const usage =
      response.usageMetadata === undefined || response.usageMetadata === null
        ? undefined
        : expectObject(response.usageMetadata, 'usageMetadata');
    const counted =
      usage !== undefined && (usage.totalTokenCount !== undefined || usage.promptTokenCount !== undefined);
    if (counted) this.#usage = convertGeminiUsage(usage);
    this.complete = false;
    const candidates = expectOptionalArray(response.candidates, 'candidates');
    if (candidates.length === 0) {
      const feedback = response.promptFeedback;
      if (feedback?.blockReason !== undefined) {
        const detail =
          expectOptionalString(feedback.blockReasonMessage, 'promptFeedback.blockReasonMessage') ??
          'the prompt was blocked';
        const reason = expectString(feedback.blockReason, 'promptFeedback.blockReason');
        throw new CompletionError({
          kind: 'provider',
          message: `Gemini blocked the prompt (blockReason ${reason}): ${detail}`,
          providerError: { type: reason, message: detail },
        });
      }
      return;
    }
    const candidate = expectObject(candidates[0], 'candidates[0]') as GeminiCandidate;
    const content =
      candidate.content === undefined || candidate.content === null
        ? undefined
        : expectObject(candidate.content, 'candidates[0].content');
    const parts = expectOptionalArray(content?.parts, 'candidates[0].content.parts');
    for (let index = 0; index < parts.length; index++)
      this.#part(expectObject(parts[index], `candidates[0].content.parts[${index}]`) as GeminiPart, index, accumulator);
    const finishReason = expectOptionalString(candidate.finishReason, 'candidates[0].finishReason');
    if (finishReason !== undefined) {
      accumulator.rawFinishReason = finishReason;
      accumulator.finishReason = mapGeminiFinishReason(finishReason);
      this.finished = true;
      this.complete = counted && !this.#inCodeExecution;
    }
  }

  /** After the last response: completes a streamed call whose last piece never came, and sets the usage. */
  finish(accumulator: StreamAccumulator<GeminiResponse>): void {
    // A call still waiting for pieces when the token limit ended the answer was cut off: its arguments so far, without
    // the closing brace, are incomplete JSON, which the accumulator reports as a cut call.
    this.#closeCall(accumulator, accumulator.finishReason === 'length');
    if (this.#usage !== undefined) accumulator.usage = this.#usage;
  }

  #closeCall(accumulator: StreamAccumulator<GeminiResponse>, cut = false): void {
    const open = this.#open;
    if (open === undefined) return;
    this.#open = undefined;
    const args = JSON.stringify(open.args);
    accumulator.toolCallEnd(open.key, cut ? args.slice(0, -1) : args);
  }

  #part(part: GeminiPart, index: number, accumulator: StreamAccumulator<GeminiResponse>): void {
    const field = `candidates[0].content.parts[${index}]`;
    const signature = expectOptionalString(part.thoughtSignature, `${field}.thoughtSignature`);
    const text = expectOptionalString(part.text, `${field}.text`);
    if (part.thought !== undefined && part.thought !== null && typeof part.thought !== 'boolean')
      throw new TypeError(`${field}.thought is not a boolean`);
    const ranCode = part.executableCode !== undefined || part.codeExecutionResult !== undefined;
    if (ranCode || part.inlineData !== undefined || part.fileData !== undefined) accumulator.rawOnlyOutput = true;
    if (ranCode) this.#inCodeExecution = true;
    else if (part.functionCall !== undefined || text !== undefined || signature !== undefined)
      this.#inCodeExecution = false;
    if (part.functionCall !== undefined)
      this.#functionCall(
        expectObject(part.functionCall, `${field}.functionCall`) as GeminiFunctionCall,
        signature,
        field,
        accumulator,
      );
    else if (part.thought) {
      if (this.#last !== 'reasoning' || (signature !== undefined && this.#reasoningSigned))
        this.#startReasoning(accumulator);
      const key = `reasoning-${this.#reasonings}`;
      if (text) accumulator.reasoningDelta(key, text);
      if (signature !== undefined) {
        accumulator.reasoningSignature(key, signature);
        this.#reasoningSigned = true;
      }
    } else if (text !== undefined || signature !== undefined) {
      this.#endReasoning(accumulator);
      if (this.#last !== 'text' || (signature !== undefined && this.#textSigned)) {
        this.#texts++;
        this.#textSigned = false;
        this.#last = 'text';
      }
      const key = `text-${this.#texts}`;
      if (text) accumulator.text(text, key);
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

  #functionCall(
    call: GeminiFunctionCall,
    signature: string | undefined,
    field: string,
    accumulator: StreamAccumulator<GeminiResponse>,
  ): void {
    let open = this.#open;
    const name = expectOptionalString(call.name, `${field}.functionCall.name`);
    const callId = expectOptionalString(call.id, `${field}.functionCall.id`);
    const args =
      call.args === undefined || call.args === null ? undefined : expectObject(call.args, `${field}.functionCall.args`);
    const partialArgs = expectOptionalArray(
      call.partialArgs,
      `${field}.functionCall.partialArgs`,
    ) as GeminiPartialArg[];
    if (name !== undefined) {
      this.#closeCall(accumulator);
      this.#endReasoning(accumulator);
      this.#last = 'tool';
      const index = this.#calls++;
      const id = callId ?? `gemini-${this.#responseId ?? 'call'}-${index}`;
      if (!call.willContinue) {
        const toolCall: ToolCall = { type: 'tool-call', id, function: { name, arguments: args ?? {} } };
        if (callId !== undefined) toolCall.callId = callId;
        if (signature !== undefined) toolCall.signature = signature;
        accumulator.toolCall(toolCall);
        return;
      }
      const key = `call-${index}`;
      accumulator.toolCallStart(key, {
        id,
        name,
        ...(callId !== undefined ? { callId } : {}),
        ...(signature !== undefined ? { signature } : {}),
      });
      open = this.#open = { key, args: {}, continuing: undefined };
      if (args !== undefined) Object.assign(open.args, args);
    } else if (open === undefined) return;
    else if (signature !== undefined) accumulator.toolCallUpdate(open.key, { signature });
    for (const arg of partialArgs) applyPartialArg(open, arg);
    if (!call.willContinue) this.#closeCall(accumulator);
  }
}
