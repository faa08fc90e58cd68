import type { ToolResultContent } from '@rig-ts/core';
import type { McpHttpServer, McpStdioServer } from './connect-mcp-options.js';

const REDACTED = '[REDACTED]';
/** Shorter values are left alone: redacting `1` or `on` would mangle every message and protect nothing. */
const MIN_SECRET_LENGTH = 6;

/**
 * The values that must never reach a message or a cause: every header value (and the token after an auth scheme such
 * as `Bearer`), the URL's query values, and the values of a stdio server's environment.
 */
export function collectSecrets(server: McpStdioServer | McpHttpServer): string[] {
  const values: string[] = [];
  for (const value of Object.values(server.headers ?? {})) {
    values.push(value);
    const token = /^\S+\s+(.+)$/.exec(value)?.[1];
    if (token !== undefined) values.push(token);
  }
  if (server.url !== undefined) {
    try {
      for (const value of new URL(server.url as string | URL).searchParams.values()) values.push(value);
    } catch {
      // An invalid URL is refused before any request is made.
    }
  }
  for (const value of Object.values(server.env ?? {})) values.push(value);
  return [...new Set(values.filter((value) => value.length >= MIN_SECRET_LENGTH))].sort(
    (first, second) => second.length - first.length,
  );
}

/** `text` with every secret replaced by `[REDACTED]`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  return redacted;
}

/** A JSON value with `secrets` redacted from every string in it (keys included). */
function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(copy, redactText(key, secrets), {
      value: redactJson(item, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** Tool-result content with `secrets` redacted from its text and JSON (images are left as they are). */
export function redactContent(content: readonly ToolResultContent[], secrets: readonly string[]): ToolResultContent[] {
  if (secrets.length === 0) return [...content];
  return content.map((block) => {
    if (block.type === 'text') return { ...block, text: redactText(block.text, secrets) };
    if (block.type === 'json') return { ...block, value: redactJson(block.value, secrets) };
    return block;
  });
}

/**
 * A cause safe to keep: errors are copied with name, message, stack, `code` and `status` (secrets redacted) and their
 * own cause chain; the rest of their fields (an HTTP body, a spawn's arguments) is dropped. Other values pass through.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error) || depth > 8) return cause;
  const inner = redactCause(cause.cause, secrets, depth + 1);
  const copy = new Error(redactText(cause.message, secrets), inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  if (cause.stack === undefined) delete copy.stack;
  else copy.stack = redactText(cause.stack, secrets);
  for (const key of ['code', 'status'] as const) {
    const value = (cause as Partial<Record<typeof key, unknown>>)[key];
    if (typeof value === 'string' || typeof value === 'number') Object.assign(copy, { [key]: value });
  }
  return copy;
}
