import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/client';
import { base64ToBytes, type ToolResultContent } from '@rig-ts/core';

type EmbeddedResource = Extract<ContentBlock, { type: 'resource' }>['resource'];

function describeResource(uri: string, mimeType: string | undefined): string {
  return mimeType === undefined ? `Resource ${uri}` : `Resource ${uri} (${mimeType})`;
}

/** Bytes held by a base64 string (without decoding it). */
function base64ByteLength(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

const TEXT_MEDIA_TYPE =
  /^(text\/|application\/(json|xml|javascript|yaml|x-yaml|toml|x-sh|sql|graphql)\b)|\+(json|xml|yaml)\b/i;

/** The UTF-8 text of a base64 blob, or undefined when the data is not base64 or not UTF-8. */
function decodeTextBlob(blob: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(blob));
  } catch {
    return undefined;
  }
}

function convertEmbeddedResource(resource: EmbeddedResource): ToolResultContent {
  const header = describeResource(resource.uri, resource.mimeType);
  if ('text' in resource && typeof resource.text === 'string')
    return { type: 'text', text: `${header}:\n${resource.text}` };
  const blob = 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '';
  if (resource.mimeType?.startsWith('image/') && blob !== '')
    return { type: 'image', source: { type: 'base64', data: blob }, mediaType: resource.mimeType };
  const text =
    resource.mimeType !== undefined && TEXT_MEDIA_TYPE.test(resource.mimeType) ? decodeTextBlob(blob) : undefined;
  if (text !== undefined) return { type: 'text', text: `${header}:\n${text}` };
  return { type: 'text', text: `${header}: ${base64ByteLength(blob)} bytes of binary data, not shown.` };
}

function convertBlock(block: ContentBlock): ToolResultContent {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image':
      // The media type is the server's word: one that is not an image's would make the provider refuse the whole request.
      return block.mimeType.startsWith('image/')
        ? { type: 'image', source: { type: 'base64', data: block.data }, mediaType: block.mimeType }
        : {
            type: 'text',
            text: `Image (${block.mimeType}, ${base64ByteLength(block.data)} bytes), not shown: its media type is not an image type.`,
          };
    case 'audio':
      return {
        type: 'text',
        text: `Audio (${block.mimeType}, ${base64ByteLength(block.data)} bytes), not shown: tool results cannot carry audio.`,
      };
    case 'resource_link': {
      const details = [
        block.mimeType === undefined ? '' : ` (${block.mimeType})`,
        block.description === undefined ? '' : `: ${block.description}`,
      ].join('');
      return { type: 'text', text: `Resource link "${block.name}" ${block.uri}${details}` };
    }
    case 'resource':
      return convertEmbeddedResource(block.resource);
    default:
      // A block type from a newer revision of the protocol: passed on as it came rather than dropped.
      return { type: 'json', value: block as unknown };
  }
}

/**
 * An MCP tool result as tool-result content: text as text, images as base64 images with their media type (an image
 * block whose media type is not `image/*` as a note of its size), embedded
 * resources as text headed by their URI (text blobs decoded, image blobs as images, other blobs as a note of their
 * size), resource links
 * as a line naming the link, audio as a note (tool results cannot carry audio), and blocks of unknown types as JSON.
 * `structuredContent` becomes a JSON block only when the result has no content blocks (servers send its JSON as text
 * too). An empty result gives no blocks.
 */
export function convertMcpToolResult(
  result: Pick<CallToolResult, 'content' | 'structuredContent'>,
): ToolResultContent[] {
  const content = (result.content ?? []).map(convertBlock);
  if (content.length === 0 && result.structuredContent !== undefined)
    content.push({ type: 'json', value: result.structuredContent });
  return content;
}

/** The text of tool-result content, for an error message: text blocks as they are, other blocks as JSON. */
export function toolResultText(content: readonly ToolResultContent[]): string {
  return content
    .map((block) =>
      block.type === 'text'
        ? block.text
        : block.type === 'json'
          ? JSON.stringify(block.value)
          : `(image${block.mediaType === undefined ? '' : ` ${block.mediaType}`})`,
    )
    .join('\n');
}
