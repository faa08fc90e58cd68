import {
  CompletionError,
  type Warning,
  type AssistantContent,
  type CompletionResponse,
  type GetTokenUsage,
  type TextContent,
} from '@rig-ts/core';
import {
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  reconcileFinishReason,
  rejectEmptyAnswer,
  toChoice,
  toolCallCutWarning,
  withTokenUsage,
} from '@rig-ts/core/internal';
import { parseToolArguments } from '@rig-ts/streaming/internal';
import type { OpenAITextMetadata } from '../openai-metadata.js';
import type { ChatResponse, ChatResponseMessage } from './openai-chat-api-types.js';
import { chatProviderError, type ProviderErrorReader } from './chat-provider-error.js';
import { convertOpenAIChatUsage } from './convert-openai-chat-usage.js';
import { mapOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';

/** The text of a message's `content`, which some servers send as an array of parts. */
function chatContentText(content: ChatResponseMessage['content']): string {
  if (content === undefined || content === null) return '';
  if (!Array.isArray(content)) return expectString(content, 'choices[0].message.content');
  let text = '';
  for (let index = 0; index < content.length; index++) {
    const part = expectObject(content[index], `choices[0].message.content[${index}]`);
    if (part.type === 'text') text += expectString(part.text, `choices[0].message.content[${index}].text`);
  }
  return text;
}

/** The reasoning inside a `content` array: the text of Mistral's `thinking` parts. */
function chatContentReasoning(content: ChatResponseMessage['content']): string {
  if (!Array.isArray(content)) return '';
  let text = '';
  for (let index = 0; index < content.length; index++) {
    const part = content[index]!;
    if (part.type !== 'thinking') continue;
    const thinking = expectOptionalArray(part.thinking, `choices[0].message.content[${index}].thinking`);
    for (let inner = 0; inner < thinking.length; inner++) {
      const piece = expectObject(thinking[inner], `choices[0].message.content[${index}].thinking[${inner}]`);
      if (piece.type === 'text')
        text += expectString(piece.text, `choices[0].message.content[${index}].thinking[${inner}].text`);
    }
  }
  return text;
}

/** The text block of a chat answer, with annotations, refusal, citations and search results kept under `providerMetadata.openai`. */
function chatTextBlock(text: string, metadata: OpenAITextMetadata): TextContent {
  const block: TextContent = { type: 'text', text };
  if (Object.keys(metadata).length > 0) block.providerMetadata = { openai: metadata };
  return block;
}

/**
 * A Chat Completions body → `CompletionResponse`; an `error` in the body (with or without choices) becomes a `provider`
 * error. An answer without content is an `empty` response error unless the token limit or a content filter explains
 * it; a tool call the token limit cut off is left out with a `tool-call-cut` warning, and one whose arguments are
 * not JSON otherwise is kept with `unparseableArguments`. Fields of the wrong type (a
 * `content` that is a number, a negative token count) are `TypeError`s naming them (`readResponse` reports them).
 */
export function parseOpenAIChatResponse(
  provider: string,
  body: ChatResponse,
  requestId?: string,
  parseError?: ProviderErrorReader,
): CompletionResponse<ChatResponse & GetTokenUsage> {
  expectObject(body, 'the body');
  const bodyError = chatProviderError(provider, body.error, requestId, parseError);
  if (bodyError) throw bodyError;
  const choices = expectOptionalArray(body.choices, 'choices');
  if (choices.length === 0) {
    throw new CompletionError({
      kind: 'response',
      reason: 'empty',
      message: `${provider} returned a response without choices`,
      body: JSON.stringify(body),
    });
  }
  const first = expectObject(choices[0], 'choices[0]') as ChatResponse['choices'][number];
  const message = (
    first.message === undefined || first.message === null ? {} : expectObject(first.message, 'choices[0].message')
  ) as ChatResponseMessage;
  const rawFinishReason = expectOptionalString(first.finish_reason, 'choices[0].finish_reason');
  const refusal = expectOptionalString(message.refusal, 'choices[0].message.refusal');
  const mapped = refusal ? 'content-filter' : mapOpenAIChatFinishReason(rawFinishReason);
  const content: AssistantContent[] = [];
  const warnings: Warning[] = [];
  const reasoning =
    expectOptionalString(message.reasoning_content, 'choices[0].message.reasoning_content') ||
    expectOptionalString(message.reasoning, 'choices[0].message.reasoning') ||
    chatContentReasoning(message.content);
  if (reasoning) content.push({ type: 'reasoning', content: [{ type: 'text', text: reasoning }] });
  const text = chatContentText(message.content);
  const metadata: OpenAITextMetadata = {};
  const annotations = expectOptionalArray(message.annotations, 'choices[0].message.annotations');
  if (annotations.length > 0) metadata.annotations = annotations as unknown[];
  if (body.citations !== undefined) metadata.citations = body.citations;
  if (body.search_results !== undefined) metadata.searchResults = body.search_results;
  if (text !== '' || Object.keys(metadata).length > 0) content.push(chatTextBlock(text, metadata));
  if (refusal) content.push(chatTextBlock(refusal, { refusal: true }));
  const calls = expectOptionalArray(message.tool_calls, 'choices[0].message.tool_calls');
  for (let index = 0; index < calls.length; index++) {
    const field = `choices[0].message.tool_calls[${index}]`;
    const call = expectObject(calls[index], field);
    const fn = expectObject(call.function, `${field}.function`);
    const name = expectString(fn.name, `${field}.function.name`);
    const id = expectOptionalString(call.id, `${field}.id`) || `call_${index}`;
    const raw = fn.arguments;
    const args =
      typeof raw === 'object' && raw !== null
        ? raw
        : parseToolArguments(expectOptionalString(raw, `${field}.function.arguments`) ?? '');
    if (args !== undefined) content.push({ type: 'tool-call', id, function: { name, arguments: args } });
    // Arguments that are not JSON: a call the token limit cut off is left out and reported; a whole one is kept with
    // the text as written, so an agent can ask for JSON again.
    else if (mapped === 'length') warnings.push(toolCallCutWarning({ id, name }, raw as string));
    else
      content.push({
        type: 'tool-call',
        id,
        function: { name, arguments: {} },
        unparseableArguments: (raw as string | undefined) ?? '',
      });
  }
  const usage = convertOpenAIChatUsage(body.usage);
  const finishReason = reconcileFinishReason(mapped, content);
  rejectEmptyAnswer(content, finishReason, rawFinishReason, provider);
  const response: CompletionResponse<ChatResponse & GetTokenUsage> = {
    choice: toChoice(content),
    usage: usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    finishReason,
    rawResponse: withTokenUsage(body, usage),
  };
  if (rawFinishReason !== undefined) response.rawFinishReason = rawFinishReason;
  const id = expectOptionalString(body.id, 'id');
  const model = expectOptionalString(body.model, 'model');
  if (id !== undefined) response.id = id;
  if (model !== undefined) response.model = model;
  if (requestId !== undefined) response.requestId = requestId;
  if (warnings.length > 0) response.warnings = warnings;
  return response;
}
