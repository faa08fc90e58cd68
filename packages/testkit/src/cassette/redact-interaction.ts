/** What secrets are replaced with. */
export const REDACTED = '[REDACTED]';

/** Request headers that carry credentials, always redacted. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-goog-api-key',
  'api-key',
  'cookie',
  'set-cookie',
];

/** URL query parameters that carry credentials (Gemini accepts `?key=`), always redacted. */
export const CREDENTIAL_PARAMETERS: readonly string[] = [
  'key',
  'api_key',
  'api-key',
  'apikey',
  'access_token',
  'token',
];

/** Headers not worth keeping: the body is stored decoded, so its encoding and length no longer apply. */
const DROPPED_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/** Replaces every occurrence of each secret in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join(REDACTED);
  return result;
}

const CREDENTIAL_QUERY = new RegExp(`([?&](?:${CREDENTIAL_PARAMETERS.join('|')})=)[^&#]*`, 'gi');

/** The URL with credential query parameters and secrets redacted. */
export function redactUrl(url: string, secrets: readonly string[]): string {
  return redactText(url.replace(CREDENTIAL_QUERY, `$1${REDACTED}`), secrets);
}

/** Headers as a plain object with lower-cased names: credentials and secrets redacted, transfer headers dropped. */
export function redactHeaders(headers: Headers, secrets: readonly string[]): { [name: string]: string } {
  const result: { [name: string]: string } = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (DROPPED_HEADERS.has(key)) return;
    result[key] = CREDENTIAL_HEADERS.includes(key) ? REDACTED : redactText(value, secrets);
  });
  return result;
}

/** The secrets given, without the empty or missing ones (`process.env.X` may be undefined). */
export function secretList(secrets: readonly (string | undefined | null)[] | undefined): string[] {
  return (secrets ?? []).filter((secret): secret is string => typeof secret === 'string' && secret !== '');
}

/** Credentials shorter than this are not looked for in bodies: a test key like `k` would redact every letter k. */
const SHORTEST_LEARNED_SECRET = 12;

/**
 * The credentials a request carries — credential headers (with and without their `Bearer` / `Basic` scheme) and
 * credential query parameters — longest first: a server that echoes one back (`Incorrect API key provided: sk-…`)
 * must not put it in the cassette, even when the caller did not list it in `secrets`.
 */
export function requestCredentials(headers: Headers, url: string): string[] {
  const values = new Set<string>();
  for (const name of CREDENTIAL_HEADERS) {
    if (name === 'cookie' || name === 'set-cookie') continue;
    const value = headers.get(name);
    if (value === null) continue;
    values.add(value);
    values.add(value.replace(/^(?:Bearer|Basic|Token)\s+/i, ''));
  }
  const query = new URL(url).searchParams;
  for (const name of CREDENTIAL_PARAMETERS) for (const value of query.getAll(name)) values.add(value);
  return [...values].filter((value) => value.length >= SHORTEST_LEARNED_SECRET).sort((a, b) => b.length - a.length);
}

/** The signal a fetch call was given, read without making a `Request` (whose own signal follows it only weakly). */
export function callSignal(input: string | URL | Request, init: RequestInit | undefined): AbortSignal | undefined {
  return init?.signal ?? (input instanceof Request ? input.signal : undefined);
}
