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
    if (json.length < 1_000_000) surfaces[`${prefix}inspect`] = safe(() => inspect(link, { depth: Infinity, showHidden: true, maxStringLength: Infinity, maxArrayLength: Infinity }));
  });
  return surfaces;
}

/** The surfaces of `value` that show the canary key, or a piece of it. */
export function canarySightings(value: unknown): string[] {
  const sightings: string[] = [];
  for (const [surface, text] of Object.entries(renderings(value))) if (text.includes(CANARY_FRAGMENT)) sightings.push(surface);
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
