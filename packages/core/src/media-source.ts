/**
 * Where the bytes of an image, audio clip, video or document come from.
 * - `base64`: the data inline, base64-encoded (no `data:` prefix).
 * - `url`: a URL the provider fetches (support varies by provider).
 * - `bytes`: raw bytes; providers encode them as base64 on the wire.
 * - `file-id`: a file already uploaded to the provider.
 * - `text`: plain text (documents only).
 */
export type MediaSource =
  | { type: 'base64'; data: string }
  | { type: 'url'; url: string }
  | { type: 'bytes'; data: Uint8Array }
  | { type: 'file-id'; fileId: string }
  | { type: 'text'; text: string };
