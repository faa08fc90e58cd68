import type { ProviderErrorInfo } from '@rig-ts/core';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads the error a provider put in a JSON body, whatever its envelope: OpenAI `{error:{message,type,code,param}}`,
 * Anthropic `{type:'error',error:{type,message}}`, Gemini `{error:{code,message,status}}`, `{error:'text'}`,
 * `{message}` or `{detail}`. `undefined` when the body carries no error.
 */
export function extractProviderError(body: unknown): ProviderErrorInfo | undefined {
  if (Array.isArray(body)) return extractProviderError(body[0]);
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { [key: string]: unknown };
  const error = record.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const inner = error as { [key: string]: unknown };
    const info: ProviderErrorInfo = {};
    const message = text(inner.message) ?? text(inner.msg);
    const type = text(inner.type) ?? text(inner.status);
    const code = inner.code;
    if (message !== undefined) info.message = message;
    if (type !== undefined) info.type = type;
    if (typeof code === 'string' || typeof code === 'number') info.code = code;
    if (text(inner.param) !== undefined) info.param = inner.param as string;
    return info;
  }
  const message = text(record.message) ?? text(record.detail);
  return message === undefined ? undefined : { message };
}
