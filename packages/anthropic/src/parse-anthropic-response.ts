import {
  CompletionError,
  type AssistantContent,
  type CompletionResponse,
  type FinishReason,
  type GetTokenUsage,
  type Warning,
} from '@rig-ts/core';
import { toChoice, withTokenUsage } from '@rig-ts/core/internal';
import type { AnthropicAssistantBlock, AnthropicMessage, AnthropicToolUseBlock } from './anthropic-api-types.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

/** The raw response of an Anthropic call: the wire message, with `tokenUsage()`. */
export type AnthropicRawResponse = AnthropicMessage & GetTokenUsage;

/** What parsing needs besides the body. */
export interface AnthropicParseContext {
  /** The structured-output tool of the request, whose call is the answer text. */
  jsonToolName?: string;
  requestId?: string;
  warnings?: readonly Warning[];
}

/** Anthropic's `error` body or stream event as a `provider` error (`overloaded_error` and `api_error` are retryable). */
export function anthropicProviderError(error: { type?: string; message?: string } | undefined, requestId?: string): CompletionError {
  const type = error?.type ?? 'error';
  const providerError = error?.message === undefined ? { type } : { type, message: error.message };
  return new CompletionError({
    kind: 'provider',
    message: `Anthropic reported ${type}: ${error?.message ?? 'no message'}`,
    providerError,
    ...(requestId === undefined ? {} : { requestId }),
    isRetryable: type === 'overloaded_error' || type === 'api_error',
  });
}

/** One wire block as assistant content (`undefined` for an empty text block). */
export function convertAnthropicBlock(block: AnthropicAssistantBlock, jsonToolName: string | undefined): AssistantContent | undefined {
  switch (block.type) {
    case 'text': {
      const { text, citations } = block as { text: string; citations?: unknown[] | null };
      if (citations?.length) return { type: 'text', text, providerMetadata: { anthropic: { citations } } };
      return text === '' ? undefined : { type: 'text', text };
    }
    case 'tool_use': {
      const { id, name, input, caller } = block as AnthropicToolUseBlock;
      if (name === jsonToolName) return { type: 'text', text: JSON.stringify(input) };
      return caller === undefined
        ? { type: 'tool-call', id, function: { name, arguments: input } }
        : { type: 'tool-call', id, function: { name, arguments: input }, providerMetadata: { anthropic: { caller } } };
    }
    case 'thinking': {
      const { thinking, signature } = block as { thinking: string; signature?: string };
      return { type: 'reasoning', content: [signature === undefined ? { type: 'text', text: thinking } : { type: 'text', text: thinking, signature }] };
    }
    case 'redacted_thinking':
      return { type: 'reasoning', content: [{ type: 'redacted', data: (block as { data: string }).data }] };
    default:
      return { type: 'text', text: '', providerMetadata: { anthropic: { block } } };
  }
}

/**
 * The finish reason of a turn: `stop` becomes `tool-calls` when the turn holds a tool call, and a turn whose only tool
 * call is the structured-output tool finished normally (`stop`).
 */
export function anthropicFinishReason(stopReason: string | null | undefined, hasToolCall: boolean, jsonToolUsed: boolean): FinishReason {
  const reason = mapAnthropicFinishReason(stopReason);
  if (reason === 'tool-calls' && jsonToolUsed && !hasToolCall) return 'stop';
  return reason === 'stop' && hasToolCall ? 'tool-calls' : reason;
}

/**
 * A Messages API response as a `CompletionResponse`: text (citations in `providerMetadata.anthropic.citations`),
 * tool calls, thinking with signatures and redacted thinking as reasoning, and every other block (server tools,
 * compaction…) as an empty text block whose `providerMetadata.anthropic.block` holds it, so history sends it back.
 * @throws {CompletionError} of kind `provider` for an error body, `response` for a body that is not a message.
 */
export function parseAnthropicResponse(body: AnthropicMessage, context: AnthropicParseContext = {}): CompletionResponse<AnthropicRawResponse> {
  const wire = body as unknown as { type?: unknown; content?: unknown; error?: { type?: string; message?: string } };
  if (wire.type === 'error') throw anthropicProviderError(wire.error, context.requestId);
  if (!Array.isArray(wire.content)) {
    throw new CompletionError({ kind: 'response', reason: 'malformed', message: 'Anthropic answered with a body that is not a message (no content array)', body: JSON.stringify(body).slice(0, 65_536) });
  }
  const content: AssistantContent[] = [];
  let jsonToolUsed = false;
  let hasToolCall = false;
  for (const block of body.content) {
    const converted = convertAnthropicBlock(block, context.jsonToolName);
    if (converted?.type === 'tool-call') hasToolCall = true;
    else if (block.type === 'tool_use') jsonToolUsed = true;
    if (converted !== undefined) content.push(converted);
  }
  const usage = convertAnthropicUsage(body.usage);
  const response: CompletionResponse<AnthropicRawResponse> = {
    choice: toChoice(content),
    usage,
    finishReason: anthropicFinishReason(body.stop_reason, hasToolCall, jsonToolUsed),
    rawResponse: withTokenUsage(body, usage),
  };
  if (typeof body.stop_reason === 'string') response.rawFinishReason = body.stop_reason;
  if (body.id !== undefined) response.id = body.id;
  if (body.model !== undefined) response.model = body.model;
  if (context.requestId !== undefined) response.requestId = context.requestId;
  if (context.warnings !== undefined && context.warnings.length > 0) response.warnings = context.warnings;
  return response;
}
