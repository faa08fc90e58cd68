import { type GetTokenUsage } from '@rig-ts/core';
import { withTokenUsage } from '@rig-ts/core/internal';
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
 * error with the server's message.
 */
export function openAIChatStreamAdapter(provider: string, quirks: ChatQuirks, requestId?: string, parseError?: ProviderErrorReader): StreamAdapter<ChatStreamRaw> {
  const open = new Map<string, string>();
  let refused = false;
  let annotations: unknown[] | undefined;
  let citations: unknown;
  let searchResults: unknown;
  let raw: ChatChunk | undefined;
  let finished = false;
  return {
    onFrame(data, _event, accumulator) {
      const chunk = data as ChatChunk;
      const choices = chunk.choices;
      if (chunk.error !== undefined && chunk.error !== null) {
        const error = chatProviderError(provider, chunk.error, requestId, parseError);
        if (error) throw error;
      }
      if (accumulator.id === undefined && chunk.id) accumulator.id = chunk.id;
      if (accumulator.model === undefined && chunk.model) accumulator.model = chunk.model;
      if (chunk.citations !== undefined) citations = chunk.citations;
      if (chunk.search_results !== undefined) searchResults = chunk.search_results;
      if (chunk.usage || raw === undefined || !raw.usage) raw = chunk;
      const choice = choices?.[0];
      if (!choice) return;
      const delta = choice.delta;
      if (delta) {
        const reasoning = delta.reasoning_content ?? delta.reasoning;
        if (reasoning) accumulator.reasoningDelta('reasoning', reasoning);
        if (typeof delta.content === 'string') {
          if (delta.content) accumulator.text(delta.content, 'content');
        } else if (Array.isArray(delta.content)) contentParts(delta.content, accumulator);
        if (delta.refusal) {
          refused = true;
          accumulator.text(delta.refusal, 'refusal');
        }
        if (delta.annotations?.length) (annotations ??= []).push(...delta.annotations);
        if (delta.tool_calls) {
          for (const call of delta.tool_calls) {
            const key = String(call.index ?? 0);
            const name = call.function?.name;
            const openId = open.get(key);
            if (openId === undefined || (call.id && call.id !== openId)) {
              if (openId !== undefined) accumulator.toolCallEnd(key);
              const id = call.id || `call_${key}`;
              accumulator.toolCallStart(key, { id, name: name ?? '' });
              open.set(key, id);
            } else if (name) accumulator.toolCallUpdate(key, { name });
            if (call.function?.arguments) accumulator.toolCallDelta(key, call.function.arguments);
          }
        }
      }
      if (choice.finish_reason) {
        for (const key of open.keys()) accumulator.toolCallEnd(key);
        open.clear();
        accumulator.finishReason = refused ? 'content-filter' : mapOpenAIChatFinishReason(choice.finish_reason);
        accumulator.rawFinishReason = choice.finish_reason;
        finished = true;
      }
    },
    onDone: finalize,
    onEnd(accumulator) {
      if (finished && !quirks.requireDone) finalize(accumulator);
    },
  };

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
  for (const part of parts) {
    if (part.type === 'text') {
      if (part.text) accumulator.text(part.text, 'content');
    } else if (part.type === 'thinking' && Array.isArray(part.thinking)) {
      for (const inner of part.thinking) if (inner.type === 'text' && inner.text) accumulator.reasoningDelta('reasoning', inner.text);
    }
  }
}
