import { NdjsonDecoder, SseDecoder } from '@rig-ts/streaming';

export interface WireEvent {
  event: string;
  data: unknown;
}

/** Decodes a whole SSE body with the streaming package's decoder; `[DONE]` stays a string. */
export function decodeSse(text: string): WireEvent[] {
  const events: WireEvent[] = [];
  const decoder = new SseDecoder((data, event) =>
    events.push({ event, data: data === '[DONE]' ? data : (JSON.parse(data) as unknown) }),
  );
  decoder.push(text);
  decoder.end();
  return events;
}

/** Decodes a whole NDJSON body with the streaming package's decoder. */
export function decodeNdjson(text: string): unknown[] {
  const lines: unknown[] = [];
  const decoder = new NdjsonDecoder((line) => lines.push(JSON.parse(line) as unknown));
  decoder.push(text);
  decoder.end();
  return lines;
}

/** POSTs JSON to the simulator. */
export function post(url: string, body: unknown, headers: { [name: string]: string } = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sim-key', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * The differences between the structure of `actual` and of a real recording: keys missing or extra, and values of
 * another JSON type (`null` matches any type: the field is nullable; arrays are compared element by element up to the
 * shorter one). `[]` when the shapes match.
 */
export function shapeDifferences(actual: unknown, recorded: unknown, path = '$'): string[] {
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (actual === null || recorded === null) return [];
  if (kind(actual) !== kind(recorded)) return [`${path}: ${kind(actual)} where the recording has ${kind(recorded)}`];
  if (Array.isArray(actual) && Array.isArray(recorded)) {
    const differences: string[] = [];
    for (let index = 0; index < Math.min(actual.length, recorded.length); index++)
      differences.push(...shapeDifferences(actual[index], recorded[index], `${path}[${index}]`));
    return differences;
  }
  if (kind(actual) !== 'object') return [];
  const a = actual as { [key: string]: unknown };
  const r = recorded as { [key: string]: unknown };
  const differences: string[] = [];
  for (const key of Object.keys(r)) if (!(key in a)) differences.push(`${path}.${key}: missing`);
  for (const key of Object.keys(a)) {
    if (!(key in r)) differences.push(`${path}.${key}: not in the recording`);
    else differences.push(...shapeDifferences(a[key], r[key], `${path}.${key}`));
  }
  return differences;
}
