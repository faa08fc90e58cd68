import { CompletionError } from '@rig-ts/core';

const REDACTED = '[REDACTED]';

/**
 * The shortest key treated as a secret. Local servers take any key and are given placeholders (`x`, `e`, `key`,
 * `ollama`, `sk-local`), which are words or parts of words: redacting them would mangle messages (`error` into
 * `[REDACTED]rror`). Every provider's real keys are 32 characters or longer.
 */
export const MIN_SECRET_LENGTH = 16;

/** The shortest start of a key that is removed where a length limit cut the key in two. */
const MIN_CUT_LENGTH = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One character of the key, as it stands or JSON-escaped (`\u002d`, `\u002D`, and `\/` for a slash). */
function characterPattern(character: string): string {
  const hex = character
    .charCodeAt(0)
    .toString(16)
    .padStart(4, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
  return `(?:${escapeRegExp(character)}|\\\\u${hex}${character === '/' ? '|\\\\/' : ''})`;
}

/**
 * Removes one API key from every string rig-ts takes from the wire — bodies, the reason phrase, header names and values,
 * a `Location`, network error messages — before it reaches an error, a field or a log. The key is matched wherever it
 * stands, also with any of its characters JSON-escaped; a key shorter than {@link MIN_SECRET_LENGTH} is a placeholder,
 * not a secret, and is left alone.
 */
export class Redactor {
  /** The key this redactor was made for. */
  readonly key: string | undefined;
  /** The key being removed; `undefined` when there is none (no key, or a placeholder). */
  readonly secret: string | undefined;
  #pattern: RegExp | undefined;

  constructor(apiKey: string | undefined) {
    this.key = apiKey;
    this.secret = apiKey !== undefined && apiKey.length >= MIN_SECRET_LENGTH ? apiKey : undefined;
  }

  /** `text` with the key removed. */
  text(text: string): string {
    const secret = this.secret;
    if (secret === undefined) return text;
    // A JSON escape needs a backslash: text with neither the key nor a backslash is clean.
    if (!text.includes(secret) && !text.includes('\\')) return text;
    this.#pattern ??= new RegExp([...secret].map(characterPattern).join(''), 'g');
    return text.replace(this.#pattern, REDACTED);
  }

  /**
   * `text` (read up to a length limit) with the key removed, and also the start of a key that the limit cut in two:
   * `[REDACTED]` cannot be put there, so what is left of the key is dropped.
   */
  cutText(text: string): string {
    const clean = this.text(text);
    const secret = this.secret;
    if (secret === undefined) return clean;
    for (let length = Math.min(secret.length - 1, clean.length); length >= MIN_CUT_LENGTH; length--) {
      if (clean.endsWith(secret.slice(0, length))) return clean.slice(0, clean.length - length);
    }
    return clean;
  }

  /** A copy of response headers as plain data, names and values redacted (`set-cookie` left out). */
  headerObject(headers: Headers): { [name: string]: string } {
    const object: { [name: string]: string } = {};
    headers.forEach((value, name) => {
      if (name !== 'set-cookie') object[this.text(name)] = this.text(value);
    });
    return object;
  }

  /** Response headers to hand out: these very headers when clean, else a redacted copy (`redacted` in a name). */
  headers(headers: Headers): Headers {
    if (this.secret === undefined) return headers;
    let clean = true;
    headers.forEach((value, name) => {
      clean &&= this.text(value) === value && this.text(name) === name;
    });
    if (clean) return headers;
    const copy = new Headers();
    // A header name cannot hold brackets.
    headers.forEach((value, name) => copy.append(this.text(name).split(REDACTED).join('redacted'), this.text(value)));
    return copy;
  }

  /**
   * A cause chain safe to keep: errors whose message or stack mention the key are replaced by copies with the key
   * removed (name, message, stack and `code` kept). Other values pass through.
   */
  cause(cause: unknown, depth = 0): unknown {
    if (this.secret === undefined || !(cause instanceof Error) || depth > 8) return cause;
    const inner = this.cause(cause.cause, depth + 1);
    const message = this.text(cause.message);
    const stack = cause.stack === undefined ? undefined : this.text(cause.stack);
    if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
    const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
    copy.name = cause.name;
    if (stack !== undefined) copy.stack = stack;
    const code = (cause as { code?: unknown }).code;
    if (code !== undefined) (copy as { code?: unknown }).code = code;
    return copy;
  }

  /**
   * A `CompletionError` safe to hand out: itself when nothing in it mentions the key, else a copy with the key removed
   * from its message, its fields (body, provider error, headers: plain JSON, values only) and its cause chain.
   */
  error(error: CompletionError): CompletionError {
    if (this.secret === undefined) return error;
    const cause = this.cause(error.cause);
    const fields = JSON.stringify({ ...error, cause: undefined, message: error.message });
    if (cause === error.cause && this.text(fields) === fields) return error;
    return new CompletionError({
      ...JSON.parse(fields, (_key, value: unknown) => (typeof value === 'string' ? this.text(value) : value)),
      cause,
    });
  }
}
