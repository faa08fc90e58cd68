import { reasoningText, type AssistantMessage, type Message, type UserContent, type UserMessage } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import { base64Of, mediaSourceUrl } from '../media-source-url.js';
import { toolResultText } from '../tool-result-output.js';
import type { ChatContentPart, ChatMessage, ChatToolCall } from './openai-chat-api-types.js';
import type { ChatQuirks } from './openai-chat-quirks.js';

const AUDIO_FORMATS: { [mediaType: string]: string } = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
};

/** Options of {@link convertToOpenAIChatMessages}. */
export interface ChatConversionOptions {
  quirks: ChatQuirks;
  /** Audio format for clips without a media type. @default 'mp3' */
  audioFormat?: string;
}

function contentPart(
  block: Exclude<UserContent, { type: 'tool-result' }>,
  path: string,
  options: ChatConversionOptions,
): ChatContentPart {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image': {
      const url = mediaSourceUrl(block.source, block.mediaType, path);
      if (url === undefined)
        throw invalidRequest(
          `${path}: Chat Completions takes images as a URL or inline data, not a ${block.source.type}`,
          path,
        );
      return { type: 'image_url', image_url: block.detail ? { url, detail: block.detail } : { url } };
    }
    case 'audio': {
      const data = base64Of(block.source);
      if (data === undefined) throw invalidRequest(`${path}: Chat Completions takes audio as inline data only`, path);
      const format =
        (block.mediaType && AUDIO_FORMATS[block.mediaType]) ??
        block.mediaType?.replace(/^audio\//, '') ??
        options.audioFormat ??
        'mp3';
      return { type: 'input_audio', input_audio: { data, format } };
    }
    case 'document': {
      const source = block.source;
      if (source.type === 'text') return { type: 'text', text: source.text };
      if (source.type === 'file-id') return { type: 'file', file: { file_id: source.fileId } };
      const data = base64Of(source);
      if (data === undefined)
        throw invalidRequest(`${path}: Chat Completions takes documents as inline data or a file id, not a URL`, path);
      return {
        type: 'file',
        file: {
          file_data: `data:${block.mediaType ?? 'application/pdf'};base64,${data}`,
          filename: block.filename ?? 'document.pdf',
        },
      };
    }
    case 'video':
      if (block.source.type === 'url') return { type: 'video_url', video_url: { url: block.source.url } };
      throw invalidRequest(`${path}: Chat Completions takes video as a URL only`, path);
  }
}

function convertUser(
  message: UserMessage,
  path: string,
  callIds: Map<string, string>,
  options: ChatConversionOptions,
  out: ChatMessage[],
): void {
  let parts: ChatContentPart[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    const only = parts[0]!;
    out.push({ role: 'user', content: parts.length === 1 && only.type === 'text' ? only.text : parts });
    parts = [];
  };
  message.content.forEach((block, index) => {
    const blockPath = `${path}.content[${index}]`;
    if (block.type !== 'tool-result') {
      parts.push(contentPart(block, blockPath, options));
      return;
    }
    flush();
    const toolCallId = block.callId ?? callIds.get(block.id) ?? block.id;
    const text = toolResultText(block.content);
    if (text !== undefined) {
      out.push({ role: 'tool', tool_call_id: toolCallId, content: text });
      return;
    }
    if (!options.quirks.imageToolResults) {
      throw invalidRequest(
        `${blockPath}: this server takes no images in tool results; return text or JSON from the tool`,
        `${blockPath}.content`,
      );
    }
    out.push({
      role: 'tool',
      tool_call_id: toolCallId,
      content: block.content.map((part, partIndex) =>
        part.type === 'json'
          ? { type: 'text' as const, text: JSON.stringify(part.value) }
          : contentPart(
              part.type === 'text'
                ? part
                : { type: 'image', source: part.source, ...(part.mediaType ? { mediaType: part.mediaType } : {}) },
              `${blockPath}.content[${partIndex}]`,
              options,
            ),
      ),
    });
  });
  flush();
}

function convertAssistant(
  message: AssistantMessage,
  callIds: Map<string, string>,
  quirks: ChatQuirks,
  out: ChatMessage[],
): void {
  let text: string | undefined;
  let reasoning: string | undefined;
  const toolCalls: ChatToolCall[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text = (text ?? '') + block.text;
    else if (block.type === 'tool-call') {
      const id = block.callId ?? block.id;
      callIds.set(block.id, id);
      toolCalls.push({
        id,
        type: 'function',
        function: { name: block.function.name, arguments: JSON.stringify(block.function.arguments ?? {}) },
      });
    } else {
      const readable = reasoningText(block);
      if (readable) reasoning = reasoning === undefined ? readable : `${reasoning}\n${readable}`;
    }
  }
  const assistant: ChatMessage & { role: 'assistant' } = { role: 'assistant' };
  if (reasoning !== undefined && quirks.sendReasoning === 'think-tags')
    text = `<think>\n${reasoning}\n</think>\n\n${text ?? ''}`;
  if (text !== undefined && text !== '') assistant.content = text;
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  if (reasoning !== undefined && quirks.sendReasoning === true && quirks.reasoningField !== 'none')
    assistant[quirks.reasoningField] = reasoning;
  if (assistant.content === undefined && assistant.tool_calls === undefined) {
    if (assistant.reasoning_content === undefined && assistant.reasoning === undefined) return;
    assistant.content = '';
  }
  out.push(assistant);
}

/**
 * Converts a conversation into Chat Completions messages: user content as parts (one text part becomes a plain
 * string), tool results as separate `tool` messages in order, assistant text and `tool_calls` (ids paired), and
 * reasoning where the server takes it back. Error paths name `chatHistory[index - pathOffset]` (pass 1 when a
 * documents message was put first).
 */
export function convertToOpenAIChatMessages(
  messages: readonly Message[],
  options: ChatConversionOptions,
  pathOffset = 0,
): ChatMessage[] {
  const out: ChatMessage[] = [];
  const callIds = new Map<string, string>();
  messages.forEach((message, index) => {
    if (message.role === 'user') convertUser(message, `chatHistory[${index - pathOffset}]`, callIds, options, out);
    else convertAssistant(message, callIds, options.quirks, out);
  });
  return out;
}
