import { type AssistantMessage, type Message, type UserMessage } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import { base64Of, mediaSourceUrl } from '../media-source-url.js';
import { openAIMetadataOf } from '../openai-metadata.js';
import { toolResultText } from '../tool-result-output.js';
import type { ResponsesInputContent, ResponsesInputItem } from './openai-responses-api-types.js';

function userContent(
  block: Exclude<UserMessage['content'][number], { type: 'tool-result' }>,
  path: string,
): ResponsesInputContent {
  switch (block.type) {
    case 'text':
      return { type: 'input_text', text: block.text };
    case 'image': {
      if (block.source.type === 'file-id')
        return { type: 'input_image', file_id: block.source.fileId, detail: block.detail ?? 'auto' };
      const url = mediaSourceUrl(block.source, block.mediaType, path);
      if (url === undefined) throw invalidRequest(`${path}: an image needs a URL, inline data or a file id`, path);
      return { type: 'input_image', image_url: url, detail: block.detail ?? 'auto' };
    }
    case 'document': {
      const source = block.source;
      if (source.type === 'text') return { type: 'input_text', text: source.text };
      if (source.type === 'file-id') return { type: 'input_file', file_id: source.fileId };
      if (source.type === 'url') return { type: 'input_file', file_url: source.url };
      const mediaType = block.mediaType ?? 'application/pdf';
      return {
        type: 'input_file',
        file_data: `data:${mediaType};base64,${base64Of(source)}`,
        filename: block.filename ?? 'document.pdf',
      };
    }
    case 'audio':
      throw invalidRequest(`${path}: the Responses API takes no audio input; use a Chat Completions model`, path);
    case 'video':
      throw invalidRequest(`${path}: the Responses API takes no video input`, path);
  }
}

function toolOutput(
  content: UserMessage['content'][number] & { type: 'tool-result' },
  path: string,
): string | ResponsesInputContent[] {
  const text = toolResultText(content.content);
  if (text !== undefined) return text;
  return content.content.map((part, index): ResponsesInputContent => {
    if (part.type === 'text') return { type: 'input_text', text: part.text };
    if (part.type === 'json') return { type: 'input_text', text: JSON.stringify(part.value) };
    return userContent(
      { type: 'image', source: part.source, ...(part.mediaType ? { mediaType: part.mediaType } : {}) },
      `${path}.content[${index}]`,
    );
  });
}

function convertUser(
  message: UserMessage,
  path: string,
  callIds: Map<string, string>,
  input: ResponsesInputItem[],
): void {
  let pending: ResponsesInputContent[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const only = pending[0]!;
    input.push({ role: 'user', content: pending.length === 1 && only.type === 'input_text' ? only.text : pending });
    pending = [];
  };
  message.content.forEach((block, index) => {
    const blockPath = `${path}.content[${index}]`;
    if (block.type === 'tool-result') {
      flush();
      input.push({
        type: 'function_call_output',
        call_id: block.callId ?? callIds.get(block.id) ?? block.id,
        output: toolOutput(block, blockPath),
      });
    } else pending.push(userContent(block, blockPath));
  });
  flush();
}

function convertAssistant(message: AssistantMessage, callIds: Map<string, string>, input: ResponsesInputItem[]): void {
  for (const block of message.content) {
    if (block.type === 'text') {
      const metadata = openAIMetadataOf(block);
      if (metadata?.itemId) {
        input.push({
          type: 'message',
          role: 'assistant',
          id: metadata.itemId,
          status: 'completed',
          content: [
            metadata.refusal
              ? { type: 'refusal', refusal: block.text }
              : { type: 'output_text', text: block.text, annotations: metadata.annotations ?? [], logprobs: [] },
          ],
        });
      } else if (block.text !== '') input.push({ role: 'assistant', content: block.text });
    } else if (block.type === 'tool-call') {
      const callId = block.callId ?? block.id;
      callIds.set(block.id, callId);
      const item: ResponsesInputItem = {
        type: 'function_call',
        call_id: callId,
        name: block.function.name,
        arguments: JSON.stringify(block.function.arguments ?? {}),
      };
      if (block.id.startsWith('fc')) item.id = block.id;
      input.push(item);
    } else if (block.id?.startsWith('rs')) {
      const item: ResponsesInputItem = { type: 'reasoning', id: block.id, summary: [] };
      for (const part of block.content) {
        if (part.type === 'summary') item.summary.push({ type: 'summary_text', text: part.text });
        else if (part.type === 'text') (item.content ??= []).push({ type: 'reasoning_text', text: part.text });
        else if (part.type === 'encrypted') item.encrypted_content = part.data;
      }
      input.push(item);
    }
    // Reasoning without a Responses item id (from another provider) cannot be replayed here and is left out.
  }
}

/**
 * Converts a conversation into Responses API input items: user content as `input_*` parts, tool results as
 * `function_call_output` items (paired by `call_id`), assistant text, `function_call` and `reasoning` items in order,
 * replaying item ids so reasoning stays attached to the item that followed it. Error paths name
 * `chatHistory[index - pathOffset]` (pass 1 when a documents message was put first).
 */
export function convertToOpenAIResponsesInput(messages: readonly Message[], pathOffset = 0): ResponsesInputItem[] {
  const input: ResponsesInputItem[] = [];
  const callIds = new Map<string, string>();
  messages.forEach((message, index) => {
    if (message.role === 'user') convertUser(message, `chatHistory[${index - pathOffset}]`, callIds, input);
    else convertAssistant(message, callIds, input);
  });
  return input;
}
