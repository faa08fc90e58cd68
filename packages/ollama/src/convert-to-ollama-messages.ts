import {
  base64ToText,
  bytesToBase64,
  documentsMessage,
  type Document,
  type MediaSource,
  type Message,
  type UserContent,
} from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import type { OllamaMessage, OllamaToolCall } from './ollama-api-types.js';

const DATA_URL = /^data:[^;,]*;base64,/;

// Ollama takes images as bare base64 only.
function imageData(source: MediaSource, path: string): string {
  if (source.type === 'base64') return source.data;
  if (source.type === 'bytes') return bytesToBase64(source.data);
  if (source.type === 'url' && DATA_URL.test(source.url)) return source.url.replace(DATA_URL, '');
  throw invalidRequest(
    `${path} is an image by ${source.type}: Ollama takes images as base64 data only`,
    `${path}.source`,
  );
}

function documentText(source: MediaSource, mediaType: string | undefined, path: string): string {
  if (source.type === 'text') return source.text;
  if (source.type === 'base64' && mediaType?.startsWith('text/')) return base64ToText(source.data);
  throw invalidRequest(
    `${path} is a ${mediaType ?? 'document'} document by ${source.type}: Ollama takes text documents only`,
    path,
  );
}

/**
 * The preamble, documents and history → Ollama `messages`: the preamble as a `system` message; user text, text
 * documents and images (base64) as `user` messages; each tool result as a `tool` message with the tool's name (from
 * the result, or from the call with the same id earlier in the history); assistant text, reasoning (`thinking`) and
 * tool calls as one `assistant` message.
 * @throws {CompletionError} of kind `request` for content Ollama cannot take (audio, video, PDFs, image URLs).
 */
export function convertToOllamaMessages(
  preamble: string | undefined,
  documents: readonly Document[],
  chatHistory: readonly Message[],
): OllamaMessage[] {
  const messages: OllamaMessage[] = [];
  const callNames = new Map<string, string>();
  if (preamble !== undefined) messages.push({ role: 'system', content: preamble });

  const user = (content: readonly UserContent[], pathOf: (index: number) => string): void => {
    const texts: string[] = [];
    const images: string[] = [];
    const flush = (): void => {
      if (texts.length === 0 && images.length === 0) return;
      const message: OllamaMessage = { role: 'user', content: texts.join('\n') };
      if (images.length > 0) message.images = images.splice(0);
      texts.length = 0;
      messages.push(message);
    };
    content.forEach((block, index) => {
      const path = pathOf(index);
      if (block.type === 'text') texts.push(block.text);
      else if (block.type === 'image') images.push(imageData(block.source, path));
      else if (block.type === 'document') texts.push(documentText(block.source, block.mediaType, path));
      else if (block.type === 'tool-result') {
        flush();
        const parts: string[] = [];
        const resultImages: string[] = [];
        block.content.forEach((item, itemIndex) => {
          if (item.type === 'text') parts.push(item.text);
          else if (item.type === 'json') parts.push(JSON.stringify(item.value));
          else resultImages.push(imageData(item.source, `${path}.content[${itemIndex}]`));
        });
        const message: OllamaMessage = { role: 'tool', content: parts.join('\n') };
        const name = block.name ?? callNames.get(block.id);
        if (name !== undefined) message.tool_name = name;
        if (block.callId !== undefined) message.tool_call_id = block.callId;
        if (resultImages.length > 0) message.images = resultImages;
        messages.push(message);
      } else
        throw invalidRequest(
          `${path} is ${block.type}: Ollama takes text, images and text documents only`,
          `${path}.type`,
        );
    });
    flush();
  };

  const documentMessage = documentsMessage(documents);
  if (documentMessage) user(documentMessage.content, (index) => `documents[${index}]`);
  chatHistory.forEach((message, messageIndex) => {
    const pathOf = (index: number) => `chatHistory[${messageIndex}].content[${index}]`;
    if (message.role === 'user') {
      user(message.content, pathOf);
      return;
    }
    let content = '';
    let thinking = '';
    const calls: OllamaToolCall[] = [];
    for (const block of message.content) {
      if (block.type === 'text') content += block.text;
      else if (block.type === 'reasoning') {
        for (const part of block.content) if (part.type === 'text' || part.type === 'summary') thinking += part.text;
      } else {
        callNames.set(block.id, block.function.name);
        const call: OllamaToolCall = {
          function: { name: block.function.name, arguments: block.function.arguments as { [key: string]: unknown } },
        };
        if (block.callId !== undefined) call.id = block.callId;
        calls.push(call);
      }
    }
    const assistant: OllamaMessage = { role: 'assistant', content };
    if (thinking !== '') assistant.thinking = thinking;
    if (calls.length > 0) assistant.tool_calls = calls;
    messages.push(assistant);
  });
  return messages;
}
