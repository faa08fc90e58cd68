import {
  CompletionError,
  type AssistantContent,
  type CompletionResponse,
  type FinishReason,
  type Reasoning,
  type ReasoningContent,
  type StreamedAssistantContent,
  type ToolCall,
  type Usage,
  type Warning,
} from '@rig-ts/core';
import { reconcileFinishReason, rejectEmptyAnswer, toChoice, toolCallCutWarning } from '@rig-ts/core/internal';
import { parseToolArguments } from './parse-tool-arguments.js';

interface TextPart {
  kind: 'text';
  key: string | undefined;
  chunks: string[];
  metadata: { [key: string]: unknown } | undefined;
}

interface ToolPart {
  kind: 'tool';
  key: string;
  call: Omit<ToolCall, 'function'> & { name: string };
  chunks: string[];
  /** Set once the call is complete. */
  done: ToolCall | undefined;
}

interface ReasoningPart {
  kind: 'reasoning';
  key: string;
  id: string | undefined;
  chunks: string[];
  contentKind: 'text' | 'summary';
  signature: string | undefined;
  /** Set once the block is complete. */
  done: Reasoning | undefined;
}

type Part = TextPart | ToolPart | ReasoningPart;

/** What a tool call needs when it starts streaming. */
export interface ToolCallStart {
  id: string;
  callId?: string;
  name: string;
  signature?: string;
  providerMetadata?: { [key: string]: unknown };
}

/**
 * The one aggregator every provider stream adapter feeds. It emits the public stream items as they come, keeps the
 * parts in arrival order (text chunks kept in arrays and joined once, tool-call arguments assembled per call and
 * parsed once), and builds the final `CompletionResponse` — the same one the non-streaming call gives.
 */
export class StreamAccumulator<Raw = unknown> {
  /** Items for the consumer; the driver drains it. */
  readonly items: StreamedAssistantContent<Raw>[] = [];
  /** When false, no items are queued (a consumer that only awaits the final response). */
  emitItems = true;
  usage: Usage | undefined;
  finishReason: FinishReason | undefined;
  rawFinishReason: string | undefined;
  id: string | undefined;
  model: string | undefined;
  requestId: string | undefined;
  rawResponse: Raw | undefined;
  warnings: Warning[] | undefined;
  /** True once the provider's end event was seen: the answer is complete, and nothing after it is read. */
  ended = false;
  /**
   * True when the answer holds output rig-ts keeps only in `rawResponse` (a provider-hosted tool's call, code the
   * provider ran): an answer without other content is then not empty.
   */
  rawOnlyOutput = false;
  readonly #parts: Part[] = [];
  readonly #byKey = new Map<string, ToolPart | ReasoningPart>();
  #lastText: TextPart | undefined;

  /** A piece of answer text. Text under a different `key` (another output item / block) starts a new text block. */
  text(delta: string, key?: string): void {
    if (delta === '') return;
    const last = this.#lastText;
    if (last !== undefined && last.key === key && this.#parts[this.#parts.length - 1] === last) last.chunks.push(delta);
    else {
      const part: TextPart = { kind: 'text', key, chunks: [delta], metadata: undefined };
      this.#parts.push(part);
      this.#lastText = part;
    }
    if (this.emitItems) this.items.push({ type: 'text', text: delta });
  }

  /**
   * The complete text of the block under `key`, when the provider repeats it at the end; it wins over the deltas
   * (a block that had no deltas is created).
   */
  textEnd(key: string, fullText: string): void {
    for (let index = this.#parts.length - 1; index >= 0; index--) {
      const part = this.#parts[index]!;
      if (part.kind === 'text' && part.key === key) {
        if (part.chunks.length !== 1 || part.chunks[0] !== fullText) part.chunks = [fullText];
        return;
      }
    }
    const part: TextPart = { kind: 'text', key, chunks: [fullText], metadata: undefined };
    this.#parts.push(part);
    this.#lastText = part;
  }

  /** Provider data (annotations, citations) for the text block under `key` (the latest one when no key is given). */
  textMetadata(metadata: { [key: string]: unknown }, key?: string): void {
    let part: TextPart | undefined;
    for (let index = this.#parts.length - 1; index >= 0; index--) {
      const candidate = this.#parts[index]!;
      if (candidate.kind === 'text' && (key === undefined || candidate.key === key)) {
        part = candidate;
        break;
      }
    }
    if (part === undefined) {
      part = { kind: 'text', key, chunks: [], metadata: undefined };
      this.#parts.push(part);
      this.#lastText = part;
    }
    part.metadata = { ...part.metadata, ...metadata };
  }

  /** A tool call starts; `key` identifies it among interleaved parallel calls (an index or an item id). */
  toolCallStart(key: string, start: ToolCallStart): void {
    const call: ToolPart['call'] = { type: 'tool-call', id: start.id, name: start.name };
    if (start.callId !== undefined) call.callId = start.callId;
    if (start.signature !== undefined) call.signature = start.signature;
    if (start.providerMetadata !== undefined) call.providerMetadata = start.providerMetadata;
    const part: ToolPart = { kind: 'tool', key, call, chunks: [], done: undefined };
    this.#parts.push(part);
    this.#byKey.set(key, part);
    if (this.emitItems)
      this.items.push({ type: 'tool-call-delta', id: start.id, name: start.name, argumentsDelta: '' });
  }

  /** The next piece of a tool call's JSON arguments. */
  toolCallDelta(key: string, argumentsDelta: string): void {
    const part = this.#tool(key);
    part.chunks.push(argumentsDelta);
    if (this.emitItems && argumentsDelta !== '')
      this.items.push({ type: 'tool-call-delta', id: part.call.id, argumentsDelta });
  }

  /** Tool-call details learnt after it started (Gemini signatures, late ids). */
  toolCallUpdate(key: string, update: Partial<ToolCallStart>): void {
    const call = this.#tool(key).call;
    if (update.id !== undefined) call.id = update.id;
    if (update.callId !== undefined) call.callId = update.callId;
    if (update.name !== undefined) call.name = update.name;
    if (update.signature !== undefined) call.signature = update.signature;
    if (update.providerMetadata !== undefined)
      call.providerMetadata = { ...call.providerMetadata, ...update.providerMetadata };
  }

  /**
   * The call's arguments are complete; `fullArguments`, when the provider repeats them whole, wins over the pieces.
   * Arguments that are not JSON keep the call open until `finish()`: a call the token limit cut off is then reported,
   * any other fails the stream.
   */
  toolCallEnd(key: string, fullArguments?: string): void {
    const part = this.#tool(key);
    if (part.done) return;
    this.#completeTool(part, fullArguments ?? part.chunks.join(''), false);
  }

  /** The call is complete with arguments the provider gives already parsed (they win over the pieces). */
  toolCallArguments(key: string, args: unknown): void {
    const part = this.#tool(key);
    if (!part.done) this.#closeTool(part, args);
  }

  /** True when a tool call is open under `key`. */
  hasToolCall(key: string): boolean {
    const part = this.#byKey.get(key);
    return part !== undefined && part.kind === 'tool' && part.done === undefined;
  }

  /** A whole tool call at once (providers that do not stream arguments). */
  toolCall(call: ToolCall): void {
    this.#parts.push({ kind: 'tool', key: '', call: { ...call, name: call.function.name }, chunks: [], done: call });
    if (this.emitItems) {
      this.items.push({
        type: 'tool-call-delta',
        id: call.id,
        name: call.function.name,
        argumentsDelta: JSON.stringify(call.function.arguments),
      });
      this.items.push({ type: 'tool-call', toolCall: call });
    }
  }

  /** A piece of reasoning text in the block under `key`. */
  reasoningDelta(key: string, delta: string, options?: { id?: string | undefined; kind?: 'text' | 'summary' }): void {
    let part = this.#byKey.get(key);
    if (part === undefined || part.kind !== 'reasoning' || part.done) {
      part = {
        kind: 'reasoning',
        key,
        id: options?.id,
        chunks: [],
        contentKind: options?.kind ?? 'text',
        signature: undefined,
        done: undefined,
      };
      this.#parts.push(part);
      this.#byKey.set(key, part);
    }
    if (delta === '') return;
    part.chunks.push(delta);
    if (this.emitItems)
      this.items.push(
        part.id === undefined
          ? { type: 'reasoning-delta', text: delta }
          : { type: 'reasoning-delta', id: part.id, text: delta },
      );
  }

  /** A signature for the reasoning block under `key`. */
  reasoningSignature(key: string, signature: string): void {
    const part = this.#byKey.get(key);
    if (part === undefined || part.kind !== 'reasoning') {
      this.reasoningDelta(key, '');
      this.reasoningSignature(key, signature);
      return;
    }
    part.signature = (part.signature ?? '') + signature;
  }

  /** Closes the reasoning block under `key`; a complete `block` from the provider replaces what the deltas built. */
  reasoningEnd(key: string, block?: Reasoning): void {
    let part = this.#byKey.get(key);
    if (part === undefined || part.kind !== 'reasoning') {
      if (block === undefined) return;
      part = {
        kind: 'reasoning',
        key,
        id: block.id,
        chunks: [],
        contentKind: 'text',
        signature: undefined,
        done: undefined,
      };
      this.#parts.push(part);
      this.#byKey.set(key, part);
    }
    if (part.done) return;
    this.#completeReasoning(part, block);
  }

  /** A whole reasoning block at once. */
  reasoning(block: Reasoning): void {
    this.#parts.push({
      kind: 'reasoning',
      key: '',
      id: block.id,
      chunks: [],
      contentKind: 'text',
      signature: undefined,
      done: block,
    });
    if (this.emitItems) this.items.push({ type: 'reasoning', reasoning: block });
  }

  /** Records a warning for the final response. */
  warn(warning: Warning): void {
    (this.warnings ??= []).push(warning);
  }

  /** Marks the provider's end event; the final response becomes available. */
  end(): void {
    this.ended = true;
  }

  /**
   * Builds the aggregated response (closing open parts) and queues the `final` item. A tool call the token limit cut
   * off (invalid arguments, finish reason `length`) is left out and reported as a `tool-call-cut` warning.
   * @param source who sent the answer, named in the error for an empty answer.
   * @throws {CompletionError} `response` / `empty` for an answer without content that the finish reason does not
   * explain (see core's `rejectEmptyAnswer`). A tool call whose arguments are not JSON is kept with
   * `unparseableArguments` (an agent asks the model again), or left out with a `tool-call-cut` warning when the token
   * limit cut it.
   */
  finish(source = 'the stream'): CompletionResponse<Raw> {
    const content: AssistantContent[] = [];
    for (const part of this.#parts) {
      if (part.kind === 'text') {
        const block: AssistantContent = {
          type: 'text',
          text: part.chunks.length === 1 ? part.chunks[0]! : part.chunks.join(''),
        };
        if (part.metadata) block.providerMetadata = part.metadata;
        content.push(block);
      } else if (part.kind === 'tool') {
        const call = part.done ?? this.#completeTool(part, part.chunks.join(''), true);
        if (call) content.push(call);
      } else content.push(part.done ?? this.#completeReasoning(part, undefined));
    }
    const finishReason = reconcileFinishReason(this.finishReason ?? 'other', content);
    if (!this.rawOnlyOutput) rejectEmptyAnswer(content, finishReason, this.rawFinishReason, source);
    const response: CompletionResponse<Raw> = {
      choice: toChoice(content),
      usage: this.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason,
      rawResponse: this.rawResponse as Raw,
    };
    if (this.rawFinishReason !== undefined) response.rawFinishReason = this.rawFinishReason;
    if (this.id !== undefined) response.id = this.id;
    if (this.model !== undefined) response.model = this.model;
    if (this.requestId !== undefined) response.requestId = this.requestId;
    if (this.warnings !== undefined) response.warnings = this.warnings;
    const final: StreamedAssistantContent<Raw> = { type: 'final', usage: response.usage, finishReason, response };
    if (response.rawFinishReason !== undefined) final.rawFinishReason = response.rawFinishReason;
    this.items.push(final);
    return response;
  }

  #tool(key: string): ToolPart {
    const part = this.#byKey.get(key);
    if (part === undefined || part.kind !== 'tool') {
      throw new CompletionError({
        kind: 'response',
        reason: 'malformed',
        message: `stream sent arguments for unknown tool call "${key}"`,
      });
    }
    return part;
  }

  #completeTool(part: ToolPart, text: string, atEnd: boolean): ToolCall | undefined {
    const args = parseToolArguments(text);
    if (args === undefined) {
      // Arguments that are not JSON may be a call the token limit cut off, which the finish reason (known at the end)
      // tells: until then the call stays open with what arrived.
      if (!atEnd) {
        if (part.chunks.length !== 1 || part.chunks[0] !== text) part.chunks = [text];
        return undefined;
      }
      // A call cut off by the token limit cannot be completed: it is left out, and reported.
      if (this.finishReason === 'length') {
        this.warn(toolCallCutWarning(part.call, text));
        return undefined;
      }
      // The model wrote a whole call whose arguments are not JSON: kept with the text as written, so an agent can
      // ask it for JSON again.
      return this.#closeTool(part, {}, text);
    }
    return this.#closeTool(part, args);
  }

  #closeTool(part: ToolPart, args: unknown, unparseableArguments?: string): ToolCall {
    const { name, ...rest } = part.call;
    const call: ToolCall = { ...rest, function: { name, arguments: args } };
    if (unparseableArguments !== undefined) call.unparseableArguments = unparseableArguments;
    part.done = call;
    if (this.emitItems) this.items.push({ type: 'tool-call', toolCall: call });
    return call;
  }

  #completeReasoning(part: ReasoningPart, block: Reasoning | undefined): Reasoning {
    if (block === undefined) {
      const text = part.chunks.join('');
      const content: ReasoningContent =
        part.contentKind === 'summary'
          ? { type: 'summary', text }
          : part.signature === undefined
            ? { type: 'text', text }
            : { type: 'text', text, signature: part.signature };
      block =
        part.id === undefined
          ? { type: 'reasoning', content: [content] }
          : { type: 'reasoning', id: part.id, content: [content] };
    }
    part.done = block;
    if (this.emitItems) this.items.push({ type: 'reasoning', reasoning: block });
    return block;
  }
}
