import {
  CompletionError,
  type AssistantContent,
  type CompletionResponse,
  type FinishReason,
  type GetTokenUsage,
  type Warning,
} from '@rig-ts/core';
import {
  addRequestWarnings,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  rejectEmptyAnswer,
  toChoice,
  withTokenUsage,
} from '@rig-ts/core/internal';
import type { AnthropicAssistantBlock, AnthropicMessage } from './anthropic-api-types.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { isKnownAnthropicBlock, readAnthropicBlock } from './read-anthropic-block.js';

/** The raw response of an Anthropic call: the wire message, with `tokenUsage()`. */
export type AnthropicRawResponse = AnthropicMessage & GetTokenUsage;

/** What parsing needs besides the body. */
export interface AnthropicParseContext {
  /** The structured-output tool of the request, whose call is the answer text. */
  jsonToolName?: string | undefined;
  requestId?: string | undefined;
  warnings?: readonly Warning[] | undefined;
}

/**
 * The `error` of Anthropic's error body or stream event as a `provider` error (`overloaded_error` and `api_error` are
 * retryable). It is read as it came: only string fields are kept, so an error of the wrong shape never puts
 * "[object Object]" in the message.
 */
export function anthropicProviderError(error: unknown, requestId?: string): CompletionError {
  const record: { type?: unknown; message?: unknown } = typeof error === 'object' && error !== null ? error : {};
  const type = typeof record.type === 'string' ? record.type : 'error';
  const message = typeof record.message === 'string' ? record.message : undefined;
  const providerError = message === undefined ? { type } : { type, message };
  return new CompletionError({
    kind: 'provider',
    message: `Anthropic reported ${type}: ${message ?? 'no message'}`,
    providerError,
    ...(requestId === undefined ? {} : { requestId }),
    isRetryable: type === 'overloaded_error' || type === 'api_error',
  });
}

/**
 * One wire block as assistant content (`undefined` for an empty text block).
 * @throws {TypeError} for a block of the wrong shape (a text that is not a string, a tool call without a name).
 */
export function convertAnthropicBlock(
  block: AnthropicAssistantBlock,
  jsonToolName: string | undefined,
  field = 'block',
): AssistantContent | undefined {
  if (!isKnownAnthropicBlock(block)) return { type: 'text', text: '', providerMetadata: { anthropic: { block } } };
  switch (block.type) {
    case 'text': {
      const text = expectString(block.text, `${field}.text`);
      const citations = expectOptionalArray(block.citations, `${field}.citations`);
      if (citations.length > 0) return { type: 'text', text, providerMetadata: { anthropic: { citations } } };
      return text === '' ? undefined : { type: 'text', text };
    }
    case 'tool_use': {
      const { input, caller } = block;
      const id = expectString(block.id, `${field}.id`);
      const name = expectString(block.name, `${field}.name`);
      if (name === jsonToolName) return { type: 'text', text: JSON.stringify(input) };
      return caller === undefined
        ? { type: 'tool-call', id, function: { name, arguments: input } }
        : { type: 'tool-call', id, function: { name, arguments: input }, providerMetadata: { anthropic: { caller } } };
    }
    case 'thinking': {
      const thinking = expectString(block.thinking, `${field}.thinking`);
      const signature = expectOptionalString(block.signature, `${field}.signature`);
      return {
        type: 'reasoning',
        content: [
          signature === undefined ? { type: 'text', text: thinking } : { type: 'text', text: thinking, signature },
        ],
      };
    }
    case 'redacted_thinking':
      return { type: 'reasoning', content: [{ type: 'redacted', data: expectString(block.data, `${field}.data`) }] };
    default: {
      // Exhaustive: a new member of the union does not compile here.
      const unhandled: never = block;
      return unhandled;
    }
  }
}

/**
 * The finish reason of a turn: `stop` becomes `tool-calls` when the turn holds a tool call, and a turn whose only tool
 * call is the structured-output tool finished normally (`stop`).
 */
export function anthropicFinishReason(
  stopReason: string | null | undefined,
  hasToolCall: boolean,
  jsonToolUsed: boolean,
): FinishReason {
  const reason = mapAnthropicFinishReason(stopReason);
  if (reason === 'tool-calls' && jsonToolUsed && !hasToolCall) return 'stop';
  return reason === 'stop' && hasToolCall ? 'tool-calls' : reason;
}

/**
 * A Messages API response as a `CompletionResponse`: text (citations in `providerMetadata.anthropic.citations`),
 * tool calls, thinking with signatures and redacted thinking as reasoning, and every other block (server tools,
 * compaction…) as an empty text block whose `providerMetadata.anthropic.block` holds it, so history sends it back.
 * An answer without content is an `empty` response error unless its stop reason explains it (`max_tokens`, `refusal`).
 * @throws {CompletionError} of kind `provider` for an error body, `response` for a body that is not a message or is
 * empty; a `TypeError` for blocks of the wrong shape (`readResponse` reports it as malformed).
 */
export function parseAnthropicResponse(
  body: AnthropicMessage,
  context: AnthropicParseContext = {},
): CompletionResponse<AnthropicRawResponse> {
  const wire: { [field: string]: unknown } = body;
  if (wire.type === 'error') throw anthropicProviderError(wire.error, context.requestId);
  if (!Array.isArray(wire.content)) {
    throw new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: 'Anthropic answered with a body that is not a message (no content array)',
      body: JSON.stringify(body).slice(0, 65_536),
    });
  }
  const content: AssistantContent[] = [];
  let jsonToolUsed = false;
  let hasToolCall = false;
  body.content.forEach((block, index) => {
    const converted = convertAnthropicBlock(
      readAnthropicBlock(block, `content[${index}]`),
      context.jsonToolName,
      `content[${index}]`,
    );
    if (converted?.type === 'tool-call') hasToolCall = true;
    else if (block.type === 'tool_use') jsonToolUsed = true;
    if (converted !== undefined) content.push(converted);
  });
  const usage = convertAnthropicUsage(body.usage);
  const stopReason = expectOptionalString(body.stop_reason, 'stop_reason');
  const finishReason = anthropicFinishReason(stopReason, hasToolCall, jsonToolUsed);
  rejectEmptyAnswer(content, finishReason, stopReason, 'Anthropic');
  const response: CompletionResponse<AnthropicRawResponse> = {
    choice: toChoice(content),
    usage,
    finishReason,
    rawResponse: withTokenUsage(body, usage),
  };
  if (stopReason !== undefined) response.rawFinishReason = stopReason;
  const id = expectOptionalString(body.id, 'id');
  const model = expectOptionalString(body.model, 'model');
  if (id !== undefined) response.id = id;
  if (model !== undefined) response.model = model;
  if (context.requestId !== undefined) response.requestId = context.requestId;
  addRequestWarnings(response, context.warnings ?? []);
  return response;
}
