import {
  base64ToText,
  bytesToBase64,
  documentsMessage,
  type AssistantContent,
  type Document,
  type DocumentContent,
  type ImageMediaType,
  type MediaSource,
  type Message,
  type ProviderOptions,
  type ToolResult,
  type UserContent,
  type Warning,
} from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import type {
  AnthropicAssistantBlock,
  AnthropicDocumentBlock,
  AnthropicDocumentSource,
  AnthropicImageBlock,
  AnthropicImageSource,
  AnthropicMessageParam,
  AnthropicOtherBlock,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
  AnthropicUserBlock,
} from './anthropic-api-types.js';
import type { AnthropicCacheControl, AnthropicContentOptions } from './anthropic-options.js';

/** The `system` and `messages` of a request, and what could not be sent. */
export interface AnthropicPrompt {
  system?: string | AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
  warnings: Warning[];
}

/** What {@link convertToAnthropicMessages} converts. */
export interface AnthropicPromptInput {
  preamble?: string | undefined;
  documents?: readonly Document[];
  chatHistory: readonly Message[];
  systemCacheControl?: AnthropicCacheControl | undefined;
}

/** What a text block's `providerMetadata.anthropic` may hold for the round trip. */
interface AnthropicTextMetadata {
  citations?: unknown[];
  /** A block this package does not interpret (server tools, compaction…), sent back unchanged. */
  block?: AnthropicOtherBlock;
}

function contentOptions(providerOptions: ProviderOptions | undefined): AnthropicContentOptions | undefined {
  return providerOptions?.anthropic as AnthropicContentOptions | undefined;
}

function withCacheControl<Block extends object>(block: Block, providerOptions: ProviderOptions | undefined): Block {
  const cacheControl = contentOptions(providerOptions)?.cacheControl;
  if (cacheControl !== undefined) (block as { cache_control?: AnthropicCacheControl }).cache_control = cacheControl;
  return block;
}

function imageSource(source: MediaSource, mediaType: ImageMediaType | undefined, path: string): AnthropicImageSource {
  switch (source.type) {
    case 'url':
      return { type: 'url', url: source.url };
    case 'file-id':
      return { type: 'file', file_id: source.fileId };
    case 'text':
      throw invalidRequest(`${path}: an image cannot have a text source`, path);
    default:
      if (mediaType === undefined)
        throw invalidRequest(`${path}.mediaType is required for inline images`, `${path}.mediaType`);
      return {
        type: 'base64',
        media_type: mediaType,
        data: source.type === 'bytes' ? bytesToBase64(source.data) : source.data,
      };
  }
}

function imageBlock(image: { source: MediaSource; mediaType?: ImageMediaType }, path: string): AnthropicImageBlock {
  return { type: 'image', source: imageSource(image.source, image.mediaType, path) };
}

function documentSource(document: DocumentContent, path: string): AnthropicDocumentSource {
  const source = document.source;
  const mediaType = document.mediaType;
  switch (source.type) {
    case 'text':
      return { type: 'text', media_type: 'text/plain', data: source.text };
    case 'url':
      return { type: 'url', url: source.url };
    case 'file-id':
      return { type: 'file', file_id: source.fileId };
    default:
      if (mediaType === 'application/pdf') {
        return {
          type: 'base64',
          media_type: 'application/pdf',
          data: source.type === 'bytes' ? bytesToBase64(source.data) : source.data,
        };
      }
      if (mediaType?.startsWith('text/')) {
        return {
          type: 'text',
          media_type: 'text/plain',
          data: source.type === 'bytes' ? new TextDecoder().decode(source.data) : base64ToText(source.data),
        };
      }
      throw invalidRequest(
        `${path}: Anthropic takes PDF and plain-text documents, not ${mediaType === undefined ? 'documents without a mediaType' : mediaType}`,
        `${path}.mediaType`,
      );
  }
}

function documentBlock(document: DocumentContent, path: string): AnthropicDocumentBlock {
  const block: AnthropicDocumentBlock = { type: 'document', source: documentSource(document, path) };
  const options = contentOptions(document.providerOptions);
  const title = options?.title ?? document.filename;
  if (title !== undefined) block.title = title;
  if (options?.context !== undefined) block.context = options.context;
  if (options?.citations) block.citations = { enabled: true };
  return withCacheControl(block, document.providerOptions);
}

function toolResultBlock(result: ToolResult, path: string): AnthropicToolResultBlock {
  const parts = result.content;
  let content: AnthropicToolResultBlock['content'];
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only !== undefined && only.type !== 'image')
    content = only.type === 'text' ? only.text : JSON.stringify(only.value);
  else {
    content = parts.map((part, index) =>
      part.type === 'image'
        ? imageBlock(part, `${path}.content[${index}]`)
        : { type: 'text' as const, text: part.type === 'text' ? part.text : JSON.stringify(part.value) },
    );
  }
  return withCacheControl(
    { type: 'tool_result', tool_use_id: result.id, content, is_error: result.isError === true },
    result.providerOptions,
  );
}

function userBlock(block: UserContent, path: string): AnthropicUserBlock | undefined {
  switch (block.type) {
    case 'text':
      return block.text === ''
        ? undefined
        : withCacheControl<AnthropicTextBlock>({ type: 'text', text: block.text }, block.providerOptions);
    case 'image':
      return withCacheControl(imageBlock(block, path), block.providerOptions);
    case 'document':
      return documentBlock(block, path);
    case 'tool-result':
      return toolResultBlock(block, path);
    default:
      throw invalidRequest(`${path}: Anthropic does not accept ${block.type} content`, `${path}.type`);
  }
}

function toolInput(value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function assistantBlocks(
  block: AssistantContent,
  path: string,
  out: AnthropicAssistantBlock[],
  warnings: Warning[],
): void {
  switch (block.type) {
    case 'text': {
      const metadata = block.providerMetadata?.anthropic as AnthropicTextMetadata | undefined;
      if (metadata?.block !== undefined) out.push(metadata.block);
      else if (block.text !== '') {
        const text: AnthropicTextBlock = { type: 'text', text: block.text };
        if (metadata?.citations !== undefined)
          text.citations = metadata.citations as NonNullable<AnthropicTextBlock['citations']>;
        out.push(withCacheControl(text, block.providerOptions));
      }
      return;
    }
    case 'tool-call': {
      const caller = (block.providerMetadata?.anthropic as { caller?: unknown } | undefined)?.caller;
      out.push(
        caller === undefined
          ? { type: 'tool_use', id: block.id, name: block.function.name, input: toolInput(block.function.arguments) }
          : {
              type: 'tool_use',
              id: block.id,
              name: block.function.name,
              input: toolInput(block.function.arguments),
              caller,
            },
      );
      return;
    }
    case 'reasoning':
      for (const part of block.content) {
        if (part.type === 'text' && part.signature !== undefined)
          out.push({ type: 'thinking', thinking: part.text, signature: part.signature });
        else if (part.type === 'redacted') out.push({ type: 'redacted_thinking', data: part.data });
        else {
          warnings.push({
            type: 'unsupported',
            feature: 'reasoning without an Anthropic signature',
            details: `${path}: ${part.type} reasoning was not sent (Anthropic only takes signed thinking and redacted thinking back)`,
          });
        }
      }
      return;
  }
}

function convertMessage(message: Message, path: string, warnings: Warning[]): AnthropicMessageParam | undefined {
  if (message.role === 'user') {
    const content: AnthropicUserBlock[] = [];
    message.content.forEach((block, index) => {
      const converted = userBlock(block, `${path}.content[${index}]`);
      if (converted !== undefined) content.push(converted);
    });
    return content.length === 0 ? undefined : { role: 'user', content };
  }
  const content: AnthropicAssistantBlock[] = [];
  message.content.forEach((block, index) => assistantBlocks(block, `${path}.content[${index}]`, content, warnings));
  return content.length === 0 ? undefined : { role: 'assistant', content };
}

/**
 * Converts the preamble, the context documents and the history into Anthropic's `system` and `messages`.
 * Documents go first, as one user message of `document` blocks with a text source. Signed thinking and redacted
 * thinking go back unchanged; citations and raw server-tool blocks kept in a text block's
 * `providerMetadata.anthropic` are restored; `providerOptions.anthropic.cacheControl` on a block adds a
 * `cache_control` breakpoint. Empty text blocks and messages left empty are skipped.
 * @throws {CompletionError} of kind `request` for content the API cannot take (audio, video, inline images or
 * documents without a usable media type).
 */
export function convertToAnthropicMessages(input: AnthropicPromptInput): AnthropicPrompt {
  const warnings: Warning[] = [];
  const messages: AnthropicMessageParam[] = [];
  const documents = documentsMessage(input.documents ?? []);
  if (documents !== undefined) messages.push(convertMessage(documents, 'documents', warnings)!);
  input.chatHistory.forEach((message, index) => {
    const converted = convertMessage(message, `chatHistory[${index}]`, warnings);
    if (converted !== undefined) messages.push(converted);
  });
  const prompt: AnthropicPrompt = { messages, warnings };
  const preamble = input.preamble;
  if (preamble !== undefined && preamble !== '') {
    prompt.system =
      input.systemCacheControl === undefined
        ? preamble
        : [{ type: 'text', text: preamble, cache_control: input.systemCacheControl }];
  }
  return prompt;
}
