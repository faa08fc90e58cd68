/** One recorded request and what came back. */
export interface CassetteInteraction {
  request: {
    method: string;
    /** The full URL, secrets redacted. */
    url: string;
    /** Header names lower-cased; credentials redacted. */
    headers: { [name: string]: string };
    /** The body as text (JSON bodies as sent), or `null` when there was none. */
    body: string | null;
  };
  /** Absent when the request failed before a response (`error` says why). */
  response?: {
    status: number;
    statusText: string;
    headers: { [name: string]: string };
    /** The whole body as text (server-sent events and NDJSON kept verbatim), or base64 when `bodyEncoding` says so. */
    body: string;
    bodyEncoding?: 'base64';
    /** The body ended early (the connection failed or the reader cancelled): replay fails the body after it. */
    truncated?: boolean;
  };
  /** The network error, when the request got no response. */
  error?: string;
}

/** Recorded provider traffic: what {@link recordingFetch} writes and {@link replayingFetch} serves. */
export interface Cassette {
  version: 1;
  interactions: CassetteInteraction[];
}

/** A cassette with no interaction. */
export function emptyCassette(): Cassette {
  return { version: 1, interactions: [] };
}

/** True for bodies kept as text: `text/*`, JSON, NDJSON, server-sent events, XML, form data. */
export function isTextContentType(contentType: string | null): boolean {
  if (contentType === null) return true;
  const type = contentType.toLowerCase();
  return type.startsWith('text/') || /json|ndjson|xml|x-www-form-urlencoded|javascript/.test(type);
}
