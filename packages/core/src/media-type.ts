/** Image media types the providers accept. Other strings are passed through unchanged. */
export type ImageMediaType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/heic'
  | 'image/heif'
  | 'image/svg+xml'
  | (string & {});

/** Document media types. `text/plain` documents are rendered as text. */
export type DocumentMediaType =
  | 'application/pdf'
  | 'text/plain'
  | 'text/rtf'
  | 'text/html'
  | 'text/css'
  | 'text/markdown'
  | 'text/csv'
  | 'text/xml'
  | 'text/javascript'
  | 'text/x-python'
  | (string & {});

/** Audio media types. */
export type AudioMediaType =
  | 'audio/wav'
  | 'audio/mpeg'
  | 'audio/aiff'
  | 'audio/aac'
  | 'audio/ogg'
  | 'audio/flac'
  | 'audio/m4a'
  | 'audio/pcm16'
  | 'audio/pcm24'
  | (string & {});

/** Video media types. */
export type VideoMediaType =
  'video/avi' | 'video/mp4' | 'video/mpeg' | 'video/quicktime' | 'video/webm' | (string & {});
