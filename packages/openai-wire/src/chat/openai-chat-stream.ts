import { type GetTokenUsage } from '@rig-ts/core';
import {
  withTokenUsage,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  expectTokenCount,
} from '@rig-ts/core/internal';
import type { StreamAccumulator, StreamAdapter } from '@rig-ts/streaming/internal';
import type { OpenAITextMetadata } from '../openai-metadata.js';
import type { ChatChunk, ChatResponseContentPart } from './openai-chat-api-types.js';
import type { ChatQuirks } from './openai-chat-quirks.js';
import { chatProviderError, type ProviderErrorReader } from './chat-provider-error.js';
import { convertOpenAIChatUsage } from './convert-openai-chat-usage.js';
import { mapOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';

/** The raw response of a Chat Completions stream: its last usage chunk (or last chunk), with `tokenUsage()`. */
export type ChatStreamRaw = ChatChunk & GetTokenUsage;

/**
 * Reads a Chat Completions stream: text, refusal and reasoning deltas, tool-call fragments keyed by `index`
 * (interleaved parallel calls included), the finish reason, and usage from any chunk (the usage-only last chunk
 * included). `data: [DONE]` is the end event (or, with `requireDone: false`, a finish reason followed by the end of
 * the body).
 * An `error` inside a chunk (an `event: error` frame, or a chunk that also carries choices) becomes a `provider`
 * error with the server's message. A field of the wrong type (a `content` that is a number or an object, a negative
 * token count) fails the stream as malformed; a call the token limit cut off is reported by the accumulator.
 */
export function openAIChatStreamAdapter(
  provider: string,
  quirks: ChatQuirks,
  requestId?: string,
  parseError?: ProviderErrorReader,
): StreamAdapter<ChatStreamRaw> {
  const open = new Map<string, string>();
  let refused = false;
  let annotations: unknown[] | undefined;
  let citations: unknown;
  let searchResults: unknown;
  let raw: ChatChunk | undefined;
  let finished = false;
  return {
    onFrame(data, _event, accumulator) {
      const chunk = expectObject(data, 'the chunk') as ChatChunk;
      if (chunk.error !== undefined && chunk.error !== null) {
        const error = chatProviderError(provider, chunk.error, requestId, parseError);
        if (error) throw error;
      }
      if (accumulator.id === undefined) accumulator.id = expectOptionalString(chunk.id, 'id') || undefined;
      if (accumulator.model === undefined) accumulator.model = expectOptionalString(chunk.model, 'model') || undefined;
      if (chunk.citations !== undefined) citations = chunk.citations;
      if (chunk.search_results !== undefined) searchResults = chunk.search_results;
      if (chunk.usage || raw === undefined || !raw.usage) raw = chunk;
      const choices = expectOptionalArray(chunk.choices, 'choices');
      if (choices.length === 0) return;
      const choice = expectObject(choices[0], 'choices[0]') as NonNullable<ChatChunk['choices']>[number];
      const delta = choice.delta;
      // Per delta: the fields a delta usually lacks are tested before they are read strictly.
      if (delta !== undefined && delta !== null) {
        expectObject(delta, 'choices[0].delta');
        const reasoningField = delta.reasoning_content ?? delta.reasoning;
        if (reasoningField !== undefined && reasoningField !== null) {
          const reasoning = expectString(
            reasoningField,
            delta.reasoning_content === undefined || delta.reasoning_content === null
              ? 'choices[0].delta.reasoning'
              : 'choices[0].delta.reasoning_content',
          );
          if (reasoning) accumulator.reasoningDelta('reasoning', reasoning);
        }
        const content = delta.content;
        if (typeof content === 'string') {
          if (content) accumulator.text(content, 'content');
        } else if (Array.isArray(content)) contentParts(content, accumulator);
        else if (content !== undefined && content !== null) expectString(content, 'choices[0].delta.content');
        if (delta.refusal !== undefined && delta.refusal !== null) {
          const refusal = expectString(delta.refusal, 'choices[0].delta.refusal');
          if (refusal) {
            refused = true;
            accumulator.text(refusal, 'refusal');
          }
        }
        if (delta.annotations !== undefined && delta.annotations !== null) {
          const deltaAnnotations = expectOptionalArray(delta.annotations, 'choices[0].delta.annotations');
          if (deltaAnnotations.length > 0) (annotations ??= []).push(...deltaAnnotations);
        }
        if (delta.tool_calls !== undefined && delta.tool_calls !== null)
          toolCallDeltas(expectOptionalArray(delta.tool_calls, 'choices[0].delta.tool_calls'), accumulator);
      }
      const finishField = choice.finish_reason;
      const finishReason =
        finishField === undefined || finishField === null
          ? undefined
          : expectString(finishField, 'choices[0].finish_reason');
      if (finishReason) {
        for (const key of open.keys()) accumulator.toolCallEnd(key);
        open.clear();
        accumulator.finishReason = refused ? 'content-filter' : mapOpenAIChatFinishReason(finishReason);
        accumulator.rawFinishReason = finishReason;
        finished = true;
      }
    },
    onDone: finalize,
    onEnd(accumulator) {
      if (finished && !quirks.requireDone) finalize(accumulator);
    },
  };

  function toolCallDeltas(toolCalls: readonly unknown[], accumulator: StreamAccumulator<ChatStreamRaw>): void {
    for (let position = 0; position < toolCalls.length; position++) {
      const field = `choices[0].delta.tool_calls[${position}]`;
      const call = expectObject(toolCalls[position], field);
      const key = String(expectTokenCount(call.index, `${field}.index`) ?? 0);
      const fn =
        call.function === undefined || call.function === null
          ? undefined
          : expectObject(call.function, `${field}.function`);
      const name = expectOptionalString(fn?.name, `${field}.function.name`);
      const callId = expectOptionalString(call.id, `${field}.id`);
      const openId = open.get(key);
      if (openId === undefined || (callId && callId !== openId)) {
        if (openId !== undefined) accumulator.toolCallEnd(key);
        const id = callId || `call_${key}`;
        accumulator.toolCallStart(key, { id, name: name ?? '' });
        open.set(key, id);
      } else if (name) accumulator.toolCallUpdate(key, { name });
      const args = expectOptionalString(fn?.arguments, `${field}.function.arguments`);
      if (args) accumulator.toolCallDelta(key, args);
    }
  }

  function finalize(accumulator: StreamAccumulator<ChatStreamRaw>): void {
    if (accumulator.ended) return;
    const metadata: OpenAITextMetadata = {};
    if (annotations) metadata.annotations = annotations;
    if (citations !== undefined) metadata.citations = citations;
    if (searchResults !== undefined) metadata.searchResults = searchResults;
    if (Object.keys(metadata).length > 0) accumulator.textMetadata({ openai: metadata }, 'content');
    if (refused) accumulator.textMetadata({ openai: { refusal: true } }, 'refusal');
    if (!finished) accumulator.finishReason ??= 'stop';
    accumulator.usage = convertOpenAIChatUsage(raw?.usage);
    accumulator.rawResponse = withTokenUsage(raw ?? {}, accumulator.usage);
    accumulator.end();
  }
}

/** A delta whose `content` is an array of parts (Mistral): `text` parts are text, `thinking` parts are reasoning. */
function contentParts(parts: readonly ChatResponseContentPart[], accumulator: StreamAccumulator<ChatStreamRaw>): void {
  for (let index = 0; index < parts.length; index++) {
    const part = expectObject(parts[index], `choices[0].delta.content[${index}]`);
    if (part.type === 'text') {
      const text = expectString(part.text, `choices[0].delta.content[${index}].text`);
      if (text) accumulator.text(text, 'content');
    } else if (part.type === 'thinking') {
      const thinking = expectOptionalArray(part.thinking, `choices[0].delta.content[${index}].thinking`);
      for (let inner = 0; inner < thinking.length; inner++) {
        const piece = expectObject(thinking[inner], `choices[0].delta.content[${index}].thinking[${inner}]`);
        if (piece.type !== 'text') continue;
        const text = expectString(piece.text, `choices[0].delta.content[${index}].thinking[${inner}].text`);
        if (text) accumulator.reasoningDelta('reasoning', text);
      }
    }
  }
}
