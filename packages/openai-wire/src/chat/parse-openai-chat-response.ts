import {
  CompletionError,
  type AssistantContent,
  type CompletionResponse,
  type GetTokenUsage,
  type TextContent,
} from '@rig-ts/core';
import { reconcileFinishReason, toChoice, withTokenUsage } from '@rig-ts/core/internal';
import { parseToolArguments } from '@rig-ts/streaming/internal';
import type { OpenAITextMetadata } from '../openai-metadata.js';
import type { ChatResponse, ChatResponseMessage } from './openai-chat-api-types.js';
import { chatProviderError, type ProviderErrorReader } from './chat-provider-error.js';
import { convertOpenAIChatUsage } from './convert-openai-chat-usage.js';
import { mapOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';

/** The text of a message's `content`, which some servers send as an array of parts. */
function chatContentText(content: ChatResponseMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) if (part.type === 'text' && typeof part.text === 'string') text += part.text;
  return text;
}

/** The reasoning inside a `content` array: the text of Mistral's `thinking` parts. */
function chatContentReasoning(content: ChatResponseMessage['content']): string {
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (part.type !== 'thinking' || !Array.isArray(part.thinking)) continue;
    for (const inner of part.thinking) if (inner.type === 'text' && typeof inner.text === 'string') text += inner.text;
  }
  return text;
}

/** The text block of a chat answer, with annotations, refusal, citations and search results kept under `providerMetadata.openai`. */
function chatTextBlock(text: string, metadata: OpenAITextMetadata): TextContent {
  const block: TextContent = { type: 'text', text };
  if (Object.keys(metadata).length > 0) block.providerMetadata = { openai: metadata };
  return block;
}

function toolArguments(provider: string, name: string, value: string | object): unknown {
  if (typeof value !== 'string') return value;
  const parsed = parseToolArguments(value);
  if (parsed === undefined) {
    throw new CompletionError({ kind: 'response', reason: 'malformed', message: `${provider} returned tool call "${name}" with arguments that are not valid JSON`, body: value.slice(0, 1000) });
  }
  return parsed;
}

/** A Chat Completions body → `CompletionResponse`; an `error` in the body (with or without choices) becomes a `provider` error. */
export function parseOpenAIChatResponse(provider: string, body: ChatResponse, requestId?: string, parseError?: ProviderErrorReader): CompletionResponse<ChatResponse & GetTokenUsage> {
  const bodyError = chatProviderError(provider, body.error, requestId, parseError);
  if (bodyError) throw bodyError;
  const first = body.choices?.[0];
  if (!first) {
    throw new CompletionError({ kind: 'response', reason: 'empty', message: `${provider} returned a response without choices`, body: JSON.stringify(body).slice(0, 2000) });
  }
  const message = first.message ?? {};
  const content: AssistantContent[] = [];
  const reasoning = message.reasoning_content || message.reasoning || chatContentReasoning(message.content);
  if (reasoning) content.push({ type: 'reasoning', content: [{ type: 'text', text: reasoning }] });
  const text = chatContentText(message.content);
  const metadata: OpenAITextMetadata = {};
  if (message.annotations?.length) metadata.annotations = message.annotations;
  if (body.citations !== undefined) metadata.citations = body.citations;
  if (body.search_results !== undefined) metadata.searchResults = body.search_results;
  if (text !== '' || Object.keys(metadata).length > 0) content.push(chatTextBlock(text, metadata));
  if (message.refusal) content.push(chatTextBlock(message.refusal, { refusal: true }));
  message.tool_calls?.forEach((call, index) => {
    content.push({ type: 'tool-call', id: call.id || `call_${index}`, function: { name: call.function.name, arguments: toolArguments(provider, call.function.name, call.function.arguments) } });
  });
  const usage = convertOpenAIChatUsage(body.usage);
  const rawFinishReason = first.finish_reason ?? undefined;
  const finishReason = message.refusal ? 'content-filter' : mapOpenAIChatFinishReason(rawFinishReason);
  const response: CompletionResponse<ChatResponse & GetTokenUsage> = {
    choice: toChoice(content),
    usage: usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    finishReason: reconcileFinishReason(finishReason, content),
    rawResponse: withTokenUsage(body, usage),
  };
  if (rawFinishReason !== undefined) response.rawFinishReason = rawFinishReason;
  if (body.id !== undefined) response.id = body.id;
  if (body.model !== undefined) response.model = body.model;
  if (requestId !== undefined) response.requestId = requestId;
  return response;
}
