import { CompletionError, type AssistantContent, type Reasoning, type TextContent, type ToolCall } from '@rig-ts/core';
import { parseToolArguments } from '@rig-ts/streaming/internal';
import type { OpenAITextMetadata } from '../openai-metadata.js';
import type { ResponsesFunctionCallItem, ResponsesMessageItem, ResponsesOutputItem, ResponsesReasoningItem } from './openai-responses-api-types.js';

/** A message item as one text block (its parts joined), with the item id, annotations and refusal flag kept. */
export function convertMessageItem(item: ResponsesMessageItem): TextContent {
  let text = '';
  let annotations: unknown[] | undefined;
  let refusal = false;
  for (const part of item.content) {
    if (part.type === 'output_text') {
      text += part.text;
      if (part.annotations?.length) (annotations ??= []).push(...part.annotations);
    } else if (part.type === 'refusal') {
      text += part.refusal;
      refusal = true;
    }
  }
  const metadata: OpenAITextMetadata = {};
  if (item.id !== undefined) metadata.itemId = item.id;
  if (annotations) metadata.annotations = annotations;
  if (refusal) metadata.refusal = true;
  const block: TextContent = { type: 'text', text };
  if (Object.keys(metadata).length > 0) block.providerMetadata = { openai: metadata };
  return block;
}

/** A function call item as a tool call: `id` is the item id (`fc_…`), `callId` the pairing id (`call_…`). */
export function convertFunctionCallItem(provider: string, item: ResponsesFunctionCallItem): ToolCall {
  const args = parseToolArguments(item.arguments);
  if (args === undefined) {
    throw new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: `${provider} returned tool call "${item.name}" (${item.call_id}) with arguments that are not valid JSON`,
      body: item.arguments.slice(0, 1000),
    });
  }
  return { type: 'tool-call', id: item.id ?? item.call_id, callId: item.call_id, function: { name: item.name, arguments: args } };
}

/** A reasoning item: summaries, reasoning text and the encrypted payload needed to replay it. */
export function convertReasoningItem(item: ResponsesReasoningItem): Reasoning {
  const content: Reasoning['content'][number][] = [];
  for (const part of item.summary) content.push({ type: 'summary', text: part.text });
  for (const part of item.content ?? []) content.push({ type: 'text', text: part.text });
  if (item.encrypted_content) content.push({ type: 'encrypted', data: item.encrypted_content });
  return { type: 'reasoning', id: item.id, content };
}

/**
 * Output items → assistant content. Hosted-tool items (web search, file search…) stay in the raw response only;
 * `provider` is named in errors.
 */
export function convertOpenAIResponsesOutput(provider: string, output: readonly ResponsesOutputItem[]): AssistantContent[] {
  const content: AssistantContent[] = [];
  for (const item of output) {
    if (item.type === 'message') content.push(convertMessageItem(item as ResponsesMessageItem));
    else if (item.type === 'function_call') content.push(convertFunctionCallItem(provider, item as ResponsesFunctionCallItem));
    else if (item.type === 'reasoning') content.push(convertReasoningItem(item as ResponsesReasoningItem));
  }
  return content;
}
