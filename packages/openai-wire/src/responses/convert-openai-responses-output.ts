import type { AssistantContent, Reasoning, TextContent, ToolCall, Warning } from '@rig-ts/core';
import {
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  toolCallCutWarning,
} from '@rig-ts/core/internal';
import { parseToolArguments } from '@rig-ts/streaming/internal';
import type { OpenAITextMetadata } from '../openai-metadata.js';
import type {
  ResponsesFunctionCallItem,
  ResponsesMessageItem,
  ResponsesOutputItem,
  ResponsesReasoningItem,
} from './openai-responses-api-types.js';
import { isResponsesContentItem, readResponsesOutputItem } from './read-openai-responses-output-item.js';

/**
 * A message item as one text block (its parts joined), with the item id, annotations and refusal flag kept.
 * @throws {TypeError} for parts of the wrong shape (a text that is not a string).
 */
export function convertMessageItem(item: ResponsesMessageItem, field = 'item'): TextContent {
  let text = '';
  let annotations: unknown[] | undefined;
  let refusal = false;
  const parts = expectOptionalArray(item.content, `${field}.content`);
  for (let index = 0; index < parts.length; index++) {
    const part = expectObject(parts[index], `${field}.content[${index}]`);
    if (part.type === 'output_text') {
      text += expectString(part.text, `${field}.content[${index}].text`);
      const partAnnotations = expectOptionalArray(part.annotations, `${field}.content[${index}].annotations`);
      if (partAnnotations.length > 0) (annotations ??= []).push(...partAnnotations);
    } else if (part.type === 'refusal') {
      text += expectString(part.refusal, `${field}.content[${index}].refusal`);
      refusal = true;
    }
  }
  const metadata: OpenAITextMetadata = {};
  const id = expectOptionalString(item.id, `${field}.id`);
  if (id !== undefined) metadata.itemId = id;
  if (annotations) metadata.annotations = annotations;
  if (refusal) metadata.refusal = true;
  const block: TextContent = { type: 'text', text };
  if (Object.keys(metadata).length > 0) block.providerMetadata = { openai: metadata };
  return block;
}

/**
 * A function call item as a tool call: `id` is the item id (`fc_…`), `callId` the pairing id (`call_…`). `undefined`
 * when its arguments are not JSON and `cut` (the response hit the token limit): the caller reports it as cut. Whole
 * arguments that are not JSON otherwise are kept as `unparseableArguments` (with `arguments: {}`), so an agent can ask
 * for JSON again.
 */
export function convertFunctionCallItem(
  item: ResponsesFunctionCallItem,
  cut = false,
  field = 'item',
): ToolCall | undefined {
  const callId = expectString(item.call_id, `${field}.call_id`);
  const name = expectString(item.name, `${field}.name`);
  const text = expectOptionalString(item.arguments, `${field}.arguments`) ?? '';
  const args = parseToolArguments(text);
  const id = expectOptionalString(item.id, `${field}.id`) ?? callId;
  if (args !== undefined) return { type: 'tool-call', id, callId, function: { name, arguments: args } };
  if (cut) return undefined;
  return { type: 'tool-call', id, callId, function: { name, arguments: {} }, unparseableArguments: text };
}

/** The `text` of each part of an optional list of `{ text }` parts (a reasoning item's summary or content). */
function partTexts(value: unknown, field: string): string[] {
  return expectOptionalArray(value, field).map((part, index) =>
    expectString(expectObject(part, `${field}[${index}]`).text, `${field}[${index}].text`),
  );
}

/** A reasoning item: summaries, reasoning text and the encrypted payload needed to replay it. */
export function convertReasoningItem(item: ResponsesReasoningItem, field = 'item'): Reasoning {
  const content: Reasoning['content'][number][] = [
    ...partTexts(item.summary, `${field}.summary`).map((text) => ({ type: 'summary' as const, text })),
    ...partTexts(item.content, `${field}.content`).map((text) => ({ type: 'text' as const, text })),
  ];
  const encrypted = expectOptionalString(item.encrypted_content, `${field}.encrypted_content`);
  if (encrypted) content.push({ type: 'encrypted', data: encrypted });
  const id = expectOptionalString(item.id, `${field}.id`);
  return id === undefined ? { type: 'reasoning', content } : { type: 'reasoning', id, content };
}

/** True when `output` holds items rig-ts keeps only in the raw response (hosted or client-side tools' calls). */
export function hasRawOnlyOutput(output: unknown): boolean {
  return expectOptionalArray(output, 'response.output').some(
    (item) => typeof item === 'object' && item !== null && !isResponsesContentItem(item),
  );
}

/**
 * Output items → assistant content. Hosted-tool items (web search, file search…) stay in the raw response only;
 * `provider` is named in errors. With `cut` (the response hit the token limit), a function call whose arguments are
 * not JSON is left out and reported in `warnings`.
 */
export function convertOpenAIResponsesOutput(
  provider: string,
  output: readonly ResponsesOutputItem[],
  cut = false,
): { content: AssistantContent[]; warnings: Warning[] } {
  const content: AssistantContent[] = [];
  const warnings: Warning[] = [];
  const items = expectOptionalArray(output, 'output');
  for (let index = 0; index < items.length; index++) {
    const field = `output[${index}]`;
    const item = readResponsesOutputItem(items[index], field);
    // Another item (a hosted tool's call…) stays in the raw response only.
    if (item === undefined) continue;
    switch (item.type) {
      case 'message':
        content.push(convertMessageItem(item, field));
        break;
      case 'function_call': {
        const converted = convertFunctionCallItem(item, cut, field);
        if (converted !== undefined) content.push(converted);
        else
          warnings.push(
            toolCallCutWarning(
              { id: item.id ?? item.call_id, callId: item.call_id, name: item.name },
              item.arguments ?? '',
            ),
          );
        break;
      }
      case 'reasoning':
        content.push(convertReasoningItem(item, field));
        break;
      default: {
        // Exhaustive: a new member of the union does not compile here.
        const unhandled: never = item;
        return unhandled;
      }
    }
  }
  return { content, warnings };
}
