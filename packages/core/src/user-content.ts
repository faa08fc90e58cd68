import type { ProviderOptions } from './json-value.js';
import type { AudioMediaType, DocumentMediaType, ImageMediaType, VideoMediaType } from './media-type.js';
import type { MediaSource } from './media-source.js';
import type { OneOrMany } from './one-or-many.js';

/** Plain text. */
export interface TextContent {
  type: 'text';
  text: string;
  /** Provider data kept for the round trip (annotations, citations, raw server-tool blocks). */
  providerMetadata?: { [key: string]: unknown };
  providerOptions?: ProviderOptions;
}

/** An image. */
export interface ImageContent {
  type: 'image';
  source: MediaSource;
  mediaType?: ImageMediaType;
  /** How closely the model should look (OpenAI). @default 'auto' */
  detail?: 'low' | 'high' | 'auto';
  providerOptions?: ProviderOptions;
}

/** An audio clip. */
export interface AudioContent {
  type: 'audio';
  source: MediaSource;
  mediaType?: AudioMediaType;
  providerOptions?: ProviderOptions;
}

/** A video clip. */
export interface VideoContent {
  type: 'video';
  source: MediaSource;
  mediaType?: VideoMediaType;
  providerOptions?: ProviderOptions;
}

/** A document: a PDF, a text file, or a rendered {@link Document}. */
export interface DocumentContent {
  type: 'document';
  source: MediaSource;
  mediaType?: DocumentMediaType;
  /** File name shown to the model where the provider supports one. */
  filename?: string;
  providerOptions?: ProviderOptions;
}

/** One block of a tool result. */
export type ToolResultContent =
  | { type: 'text'; text: string }
  | { type: 'image'; source: MediaSource; mediaType?: ImageMediaType }
  | { type: 'json'; value: unknown };

/** The output of a tool call, sent back to the model. `id` pairs it with its {@link ToolCall}. */
export interface ToolResult {
  type: 'tool-result';
  /** The `id` of the tool call this answers. */
  id: string;
  /** The provider's call id where it differs from `id` (OpenAI Responses `call_…`). */
  callId?: string;
  /** The name of the tool that ran; required by Gemini and Ollama, filled from the call when known. */
  name?: string;
  content: OneOrMany<ToolResultContent>;
  /** The tool failed; `content` explains why (Anthropic `is_error`). */
  isError?: boolean;
  providerOptions?: ProviderOptions;
}

/** Anything a user message can hold. */
export type UserContent = TextContent | ToolResult | ImageContent | AudioContent | DocumentContent | VideoContent;

/** Helpers to build user content blocks. */
export const UserContent = {
  text(text: string): TextContent {
    return { type: 'text', text };
  },
  imageUrl(
    url: string,
    options: { mediaType?: ImageMediaType; detail?: NonNullable<ImageContent['detail']> } = {},
  ): ImageContent {
    return { type: 'image', source: { type: 'url', url }, ...options };
  },
  imageBase64(data: string, mediaType: ImageMediaType, detail?: ImageContent['detail']): ImageContent {
    return detail
      ? { type: 'image', source: { type: 'base64', data }, mediaType, detail }
      : { type: 'image', source: { type: 'base64', data }, mediaType };
  },
  imageBytes(data: Uint8Array, mediaType: ImageMediaType): ImageContent {
    return { type: 'image', source: { type: 'bytes', data }, mediaType };
  },
  audioBase64(data: string, mediaType: AudioMediaType): AudioContent {
    return { type: 'audio', source: { type: 'base64', data }, mediaType };
  },
  videoUrl(url: string, mediaType?: VideoMediaType): VideoContent {
    return mediaType
      ? { type: 'video', source: { type: 'url', url }, mediaType }
      : { type: 'video', source: { type: 'url', url } };
  },
  documentBase64(data: string, mediaType: DocumentMediaType, filename?: string): DocumentContent {
    return filename
      ? { type: 'document', source: { type: 'base64', data }, mediaType, filename }
      : { type: 'document', source: { type: 'base64', data }, mediaType };
  },
  documentUrl(url: string, mediaType?: DocumentMediaType): DocumentContent {
    return mediaType
      ? { type: 'document', source: { type: 'url', url }, mediaType }
      : { type: 'document', source: { type: 'url', url } };
  },
  documentText(text: string): DocumentContent {
    return { type: 'document', source: { type: 'text', text }, mediaType: 'text/plain' };
  },
  documentFileId(fileId: string, mediaType?: DocumentMediaType): DocumentContent {
    return mediaType
      ? { type: 'document', source: { type: 'file-id', fileId }, mediaType }
      : { type: 'document', source: { type: 'file-id', fileId } };
  },
};
