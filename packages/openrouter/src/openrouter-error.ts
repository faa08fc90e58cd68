import type { ProviderErrorInfo } from '@rig-ts/core';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads OpenRouter's error envelope `{ error: { code, message, metadata: { provider_name, raw } } }`. The generic
 * message ("Provider returned error") is completed with the upstream provider's name and its own message, which is
 * what tells a user what happened (e.g. "… is temporarily rate-limited upstream").
 */
export function parseOpenRouterError(body: unknown): ProviderErrorInfo | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as {
    code?: unknown;
    message?: unknown;
    type?: unknown;
    metadata?: { provider_name?: unknown; raw?: unknown };
  };
  const info: ProviderErrorInfo = {};
  const upstream = text(record.metadata?.provider_name);
  const raw = text(record.metadata?.raw);
  const message = text(record.message);
  if (message !== undefined || raw !== undefined) {
    info.message =
      [message, upstream ? `(${upstream})` : undefined].filter(Boolean).join(' ') +
      (raw !== undefined ? `${message !== undefined ? ': ' : ''}${raw.slice(0, 1000)}` : '');
  }
  if (typeof record.code === 'string' || typeof record.code === 'number') info.code = record.code;
  if (text(record.type) !== undefined) info.type = record.type as string;
  return info;
}
