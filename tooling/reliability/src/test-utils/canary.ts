import { inspect } from 'node:util';

/** The API key every call of the matrix, the secret checks and the soak sends: it must never come back out. */
export const CANARY_KEY = 'sk-canary-7f3a9c2e4b1d8f60a5c3e9b7d2f4a6c8e1b3d5f7';

/** A stretch of the key's middle: a cut key is still a leak. */
const CANARY_FRAGMENT = CANARY_KEY.slice(12, 36);

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 16 && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function safe(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `<cannot render: ${String(error)}>`;
  }
}

/**
 * Every way a value shows itself to a user or a log: for errors, each error of the `cause` chain by message, stack,
 * `String()`, `toJSON` (JSON.stringify) and `util.inspect` with hidden properties; for anything else its JSON and its
 * inspection.
 */
export function renderings(value: unknown): { [surface: string]: string } {
  const surfaces: { [surface: string]: string } = {};
  errorChain(value).forEach((link, depth) => {
    const prefix = depth === 0 ? '' : `cause${'.cause'.repeat(depth - 1)}.`;
    if (link instanceof Error) {
      surfaces[`${prefix}message`] = link.message;
      surfaces[`${prefix}stack`] = link.stack ?? '';
      surfaces[`${prefix}String()`] = safe(() => String(link));
    }
    const json = safe(() => JSON.stringify(link) ?? '');
    surfaces[`${prefix}JSON`] = json;
    // Inspecting tens of MB (a huge answer) takes seconds and shows nothing JSON did not.
    if (json.length < 1_000_000)
      surfaces[`${prefix}inspect`] = safe(() =>
        inspect(link, { depth: Infinity, showHidden: true, maxStringLength: Infinity, maxArrayLength: Infinity }),
      );
  });
  return surfaces;
}

/** True when a string or key anywhere in plain data shows the fragment (what its JSON would show, without building it). */
function dataShows(value: unknown, fragment: string, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(fragment);
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => dataShows(item, fragment, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes(fragment) || dataShows(item, fragment, depth + 1));
}

/** True for plain data (no errors, no class instances): its JSON is its strings and keys. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  if (depth > 64 || value instanceof Error) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}

/** The characters of the strings and keys in plain data. */
function dataSize(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null || depth > 64) return 0;
  let size = 0;
  for (const [key, item] of Object.entries(value)) size += key.length + dataSize(item, depth + 1);
  return size;
}

/** The surfaces of `value` that show the canary key, or a piece of it. */
export function canarySightings(value: unknown): string[] {
  if (isPlainData(value)) {
    // Plain data's JSON is its strings and keys (the key has nothing JSON escapes): read them without building it.
    const sightings = dataShows(value, CANARY_FRAGMENT) ? ['JSON'] : [];
    if (
      dataSize(value) < 1_000_000 &&
      inspect(value, {
        depth: Infinity,
        showHidden: true,
        maxStringLength: Infinity,
        maxArrayLength: Infinity,
      }).includes(CANARY_FRAGMENT)
    )
      sightings.push('inspect');
    return sightings;
  }
  const sightings: string[] = [];
  for (const [surface, text] of Object.entries(renderings(value)))
    if (text.includes(CANARY_FRAGMENT)) sightings.push(surface);
  return sightings;
}

/** The credential a request carried, whatever the scheme. */
export function credentialOf(headers: { [name: string]: string | string[] | undefined }): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') return authorization.replace(/^Bearer /, '');
  for (const name of ['x-api-key', 'x-goog-api-key', 'api-key']) {
    const value = headers[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
