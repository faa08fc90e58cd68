import {
  documentsMessage,
  reasoningText,
  type AssistantContent,
  type CompletionRequest,
  type CompletionResponse,
  type FinishReason,
  type MediaSource,
  type Message,
  type ToolDefinition,
  type ToolResult,
  type ToolResultContent,
  type UserContent,
} from '@rig-ts/core';

/** One part of a GenAI message (`gen-ai-input-messages.json` / `gen-ai-output-messages.json`). */
export interface GenAiPart {
  type: string;
  [key: string]: unknown;
}

/** A GenAI input or output message. */
export interface GenAiMessage {
  role: string;
  parts: GenAiPart[];
  finish_reason?: string;
}

const FINISH_REASONS: { readonly [Reason in FinishReason]: string | undefined } = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_call',
  'content-filter': 'content_filter',
  other: undefined,
};

/** The conventions' finish reason (`stop`, `length`, `tool_call`, `content_filter`); for `other`, the provider's own value. */
export function genAiFinishReason(finishReason: FinishReason, rawFinishReason: string | undefined): string {
  return FINISH_REASONS[finishReason] ?? rawFinishReason ?? 'other';
}

// Inline bytes (base64, Uint8Array) are never recorded: a blob part keeps its modality and media type only.
function mediaPart(modality: string, source: MediaSource, mediaType: string | undefined): GenAiPart {
  const part: GenAiPart =
    source.type === 'url'
      ? { type: 'uri', modality, uri: source.url }
      : source.type === 'file-id'
        ? { type: 'file', modality, file_id: source.fileId }
        : source.type === 'text'
          ? { type: 'text', content: source.text }
          : { type: 'blob', modality };
  if (mediaType !== undefined && part.type !== 'text') part.mime_type = mediaType;
  return part;
}

function toolResultValue(content: ToolResultContent): unknown {
  if (content.type === 'text') return content.text;
  if (content.type === 'json') return content.value;
  return mediaPart('image', content.source, content.mediaType);
}

/** What a tool returned, as recorded: a text, a JSON value, or a list of them. */
export function toolResponseOf(result: ToolResult): unknown {
  return result.content.length === 1 ? toolResultValue(result.content[0]!) : result.content.map(toolResultValue);
}

function toolResponsePart(result: ToolResult): GenAiPart {
  return { type: 'tool_call_response', id: result.callId ?? result.id, response: toolResponseOf(result) };
}

function userPart(content: Exclude<UserContent, ToolResult>): GenAiPart {
  switch (content.type) {
    case 'text':
      return { type: 'text', content: content.text };
    case 'image':
    case 'audio':
    case 'video':
      return mediaPart(content.type, content.source, content.mediaType);
    case 'document':
      return mediaPart('document', content.source, content.mediaType);
    default:
      return content satisfies never;
  }
}

/**
 * The parts of an assistant message's content (reasoning without readable text is left out). Tool calls and results
 * carry the provider's call id where it has two (OpenAI Responses `call_…`), as `gen_ai.tool.call.id` does.
 */
export function assistantParts(content: readonly AssistantContent[]): GenAiPart[] {
  const parts: GenAiPart[] = [];
  for (const block of content) {
    if (block.type === 'text') parts.push({ type: 'text', content: block.text });
    else if (block.type === 'tool-call')
      parts.push({
        type: 'tool_call',
        id: block.callId ?? block.id,
        name: block.function.name,
        arguments: block.function.arguments,
      });
    else {
      const text = reasoningText(block);
      if (text !== '') parts.push({ type: 'reasoning', content: text });
    }
  }
  return parts;
}

/** A rig-ts message as GenAI messages: tool results become `tool` messages, in the order they appear. */
function toGenAiMessages(message: Message): GenAiMessage[] {
  if (message.role === 'assistant') return [{ role: 'assistant', parts: assistantParts(message.content) }];
  const messages: GenAiMessage[] = [];
  for (const content of message.content) {
    const role = content.type === 'tool-result' ? 'tool' : 'user';
    const part = content.type === 'tool-result' ? toolResponsePart(content) : userPart(content);
    const last = messages[messages.length - 1];
    if (last?.role === role) last.parts.push(part);
    else messages.push({ role, parts: [part] });
  }
  return messages;
}

/** `gen_ai.input.messages` of a request: its documents message (as sent), then the history, prompt last. */
export function inputMessagesOf(
  documents: CompletionRequest['documents'],
  history: readonly Message[],
): GenAiMessage[] {
  const documentMessage = documentsMessage(documents);
  const messages = documentMessage ? [documentMessage, ...history] : history;
  return messages.flatMap(toGenAiMessages);
}

/** `gen_ai.output.messages` of a response: its one choice. */
export function outputMessagesOf(response: CompletionResponse): GenAiMessage[] {
  return [
    {
      role: 'assistant',
      parts: assistantParts(response.choice),
      finish_reason: genAiFinishReason(response.finishReason, response.rawFinishReason),
    },
  ];
}

/** `gen_ai.system_instructions` of a preamble. */
export function systemInstructionsOf(preamble: string): GenAiPart[] {
  return [{ type: 'text', content: preamble }];
}

/** `gen_ai.tool.definitions`: type, name and description (the conventions advise against parameters by default). */
export function toolDefinitionsOf(tools: readonly Pick<ToolDefinition, 'name' | 'description'>[]): GenAiPart[] {
  return tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description }));
}
