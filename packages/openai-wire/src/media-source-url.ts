import { bytesToBase64, type MediaSource } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';

/** The base64 data of an inline source, or `undefined` for URLs, file ids and text. */
export function base64Of(source: MediaSource): string | undefined {
  return source.type === 'base64' ? source.data : source.type === 'bytes' ? bytesToBase64(source.data) : undefined;
}

/** A URL for an image or file source: the URL itself, or a `data:` URL for inline data (which needs a media type). */
export function mediaSourceUrl(source: MediaSource, mediaType: string | undefined, path: string): string | undefined {
  if (source.type === 'url') return source.url;
  const data = base64Of(source);
  if (data === undefined) return undefined;
  if (mediaType === undefined)
    throw invalidRequest(`${path}.mediaType is required for inline data`, `${path}.mediaType`);
  return `data:${mediaType};base64,${data}`;
}
