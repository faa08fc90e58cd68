import { bytesToBase64 } from './base64.js';
import { CompletionError, invalidRequest } from './errors/completion-error.js';
import { RigError } from './errors/rig-error.js';
import type { Message } from './message.js';

/** Limits of {@link parseHistory}. */
export interface ParseHistoryOptions {
  /** Longest string accepted anywhere (keys of free-form values included), in characters. @default 10_000_000 */
  maxStringLength?: number;
  /** Deepest nesting accepted in free-form values (tool arguments, JSON results, metadata). @default 64 */
  maxDepth?: number;
  /** Most messages accepted. @default 10_000 */
  maxMessages?: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Limits {
  maxStringLength: number;
  maxDepth: number;
}

type Record_ = { [key: string]: unknown };

function fail(message: string, path: string): never {
  throw invalidRequest(`${path} ${message}`, path);
}

function object(value: unknown, path: string): Record_ {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('must be an object', path);
  for (const key of Object.keys(value)) if (FORBIDDEN_KEYS.has(key)) fail(`has a forbidden key "${key}"`, path);
  return value as Record_;
}

function string(value: unknown, path: string, limits: Limits): string {
  if (typeof value !== 'string') fail('must be a string', path);
  if (value.length > limits.maxStringLength) fail(`is longer than ${limits.maxStringLength} characters`, path);
  return value;
}

function optionalString(record: Record_, key: string, path: string, limits: Limits, out: Record_): void {
  if (record[key] !== undefined) out[key] = string(record[key], `${path}.${key}`, limits);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(`must be one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`, path);
  return value as T;
}

/** A deep copy of a free-form JSON value into fresh objects, refusing forbidden keys, huge strings and deep nesting. */
function freeForm(value: unknown, path: string, limits: Limits, depth = 0): unknown {
  if (depth > limits.maxDepth) fail(`nests deeper than ${limits.maxDepth} levels`, path);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('must be a finite number', path);
    return value;
  }
  if (typeof value === 'string') return string(value, path, limits);
  if (Array.isArray(value)) return value.map((item, index) => freeForm(item, `${path}[${index}]`, limits, depth + 1));
  if (typeof value === 'object') {
    const copy: Record_ = {};
    for (const [key, item] of Object.entries(object(value, path))) {
      if (key.length > limits.maxStringLength) fail(`has a key longer than ${limits.maxStringLength} characters`, path);
      copy[key] = freeForm(item, `${path}.${key}`, limits, depth + 1);
    }
    return copy;
  }
  return fail('must be a JSON value', path);
}

function nonEmptyArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail('must be an array', path);
  if (value.length === 0) fail('is empty', path);
  return value;
}

function source(value: unknown, path: string, limits: Limits): Record_ {
  const record = object(value, path);
  const type = oneOf(record.type, ['base64', 'url', 'file-id', 'text'] as const, `${path}.type`);
  switch (type) {
    case 'base64':
      return { type, data: string(record.data, `${path}.data`, limits) };
    case 'url':
      return { type, url: string(record.url, `${path}.url`, limits) };
    case 'file-id':
      return { type, fileId: string(record.fileId, `${path}.fileId`, limits) };
    case 'text':
      return { type, text: string(record.text, `${path}.text`, limits) };
  }
}

function common(record: Record_, path: string, limits: Limits, out: Record_): Record_ {
  if (record.providerOptions !== undefined)
    out.providerOptions = freeForm(record.providerOptions, `${path}.providerOptions`, limits);
  if (record.providerMetadata !== undefined)
    out.providerMetadata = freeForm(record.providerMetadata, `${path}.providerMetadata`, limits);
  return out;
}

function toolResultPart(value: unknown, path: string, limits: Limits): Record_ {
  const record = object(value, path);
  const type = oneOf(record.type, ['text', 'image', 'json'] as const, `${path}.type`);
  if (type === 'text') return { type, text: string(record.text, `${path}.text`, limits) };
  if (type === 'json') return { type, value: freeForm(record.value, `${path}.value`, limits) };
  const out: Record_ = { type, source: source(record.source, `${path}.source`, limits) };
  optionalString(record, 'mediaType', path, limits, out);
  return out;
}

function userBlock(value: unknown, path: string, limits: Limits): Record_ {
  const record = object(value, path);
  const type = oneOf(
    record.type,
    ['text', 'tool-result', 'image', 'audio', 'document', 'video'] as const,
    `${path}.type`,
  );
  const out: Record_ = { type };
  switch (type) {
    case 'text':
      out.text = string(record.text, `${path}.text`, limits);
      break;
    case 'tool-result':
      out.id = string(record.id, `${path}.id`, limits);
      optionalString(record, 'callId', path, limits, out);
      optionalString(record, 'name', path, limits, out);
      out.content = nonEmptyArray(record.content, `${path}.content`).map((part, index) =>
        toolResultPart(part, `${path}.content[${index}]`, limits),
      );
      if (record.isError !== undefined) {
        if (typeof record.isError !== 'boolean') fail('must be a boolean', `${path}.isError`);
        out.isError = record.isError;
      }
      break;
    default:
      out.source = source(record.source, `${path}.source`, limits);
      optionalString(record, 'mediaType', path, limits, out);
      if (type === 'image' && record.detail !== undefined)
        out.detail = oneOf(record.detail, ['low', 'high', 'auto'] as const, `${path}.detail`);
      if (type === 'document') optionalString(record, 'filename', path, limits, out);
  }
  return common(record, path, limits, out);
}

function reasoningPart(value: unknown, path: string, limits: Limits): Record_ {
  const record = object(value, path);
  const type = oneOf(record.type, ['text', 'summary', 'encrypted', 'redacted'] as const, `${path}.type`);
  if (type === 'text' || type === 'summary') {
    const out: Record_ = { type, text: string(record.text, `${path}.text`, limits) };
    if (type === 'text') optionalString(record, 'signature', path, limits, out);
    return out;
  }
  return { type, data: string(record.data, `${path}.data`, limits) };
}

function assistantBlock(value: unknown, path: string, limits: Limits): Record_ {
  const record = object(value, path);
  const type = oneOf(record.type, ['text', 'tool-call', 'reasoning'] as const, `${path}.type`);
  const out: Record_ = { type };
  if (type === 'text') out.text = string(record.text, `${path}.text`, limits);
  else if (type === 'tool-call') {
    out.id = string(record.id, `${path}.id`, limits);
    optionalString(record, 'callId', path, limits, out);
    const fn = object(record.function, `${path}.function`);
    out.function = {
      name: string(fn.name, `${path}.function.name`, limits),
      arguments: freeForm(fn.arguments, `${path}.function.arguments`, limits),
    };
    optionalString(record, 'signature', path, limits, out);
    optionalString(record, 'unparseableArguments', path, limits, out);
  } else {
    optionalString(record, 'id', path, limits, out);
    if (!Array.isArray(record.content)) fail('must be an array', `${path}.content`);
    out.content = record.content.map((part, index) => reasoningPart(part, `${path}.content[${index}]`, limits));
  }
  return common(record, path, limits, out);
}

// Anything but the request errors above (a getter or a Proxy trap that throws, a value that cannot even be looked at)
// means the input is not JSON data: a request error too, naming what was read.
function readJsonData<T>(read: () => T, path: string): T {
  try {
    return read();
  } catch (error) {
    if (RigError.isInstance(error)) throw error;
    throw new CompletionError({
      kind: 'request',
      message: `${path} is not JSON data: reading it threw ${error instanceof Error ? `${error.name}: ${error.message}` : 'a non-error value'}`,
      path,
      cause: error,
    });
  }
}

/** Validates one message from untrusted JSON, returning a fresh copy; `path` names it in errors. */
export function parseMessage(value: unknown, path = 'message', options: ParseHistoryOptions = {}): Message {
  return readJsonData(() => readMessage(value, path, options), path);
}

function readMessage(value: unknown, path: string, options: ParseHistoryOptions): Message {
  const limits = { maxStringLength: options.maxStringLength ?? 10_000_000, maxDepth: options.maxDepth ?? 64 };
  const record = object(value, path);
  const role = oneOf(record.role, ['user', 'assistant'] as const, `${path}.role`);
  const content = nonEmptyArray(record.content, `${path}.content`);
  if (role === 'user')
    return {
      role,
      content: content.map((block, index) => userBlock(block, `${path}.content[${index}]`, limits)),
    } as unknown as Message;
  const message: Record_ = {
    role,
    content: content.map((block, index) => assistantBlock(block, `${path}.content[${index}]`, limits)),
  };
  optionalString(record, 'id', path, limits, message);
  return message as unknown as Message;
}

/**
 * Validates a conversation history that came from untrusted JSON (a client of your app, a database), returning a
 * fresh copy built only from known fields. Wrong shapes, unknown kinds, forbidden keys (`__proto__`, `constructor`,
 * `prototype`), huge strings and deep nesting are rejected with a `request` CompletionError naming the path, e.g.
 * `history[2].content[0].type must be one of "text", …`.
 */
export function parseHistory(value: unknown, options: ParseHistoryOptions = {}): Message[] {
  return readJsonData(() => readHistory(value, options), 'history');
}

function readHistory(value: unknown, options: ParseHistoryOptions): Message[] {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      fail('is not valid JSON', 'history');
    }
  }
  if (!Array.isArray(value)) fail('must be an array of messages', 'history');
  const maxMessages = options.maxMessages ?? 10_000;
  if (value.length > maxMessages) fail(`holds more than ${maxMessages} messages`, 'history');
  return value.map((message, index) => readMessage(message, `history[${index}]`, options));
}

/**
 * A history as JSON text that `parseHistory` reads back to an equal history: raw-bytes media sources are written as
 * base64.
 */
export function stringifyHistory(history: readonly Message[]): string {
  return JSON.stringify(history, (_key, value: unknown) => {
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as Record_).type === 'bytes' &&
      (value as Record_).data instanceof Uint8Array
    ) {
      return { type: 'base64', data: bytesToBase64((value as { data: Uint8Array }).data) };
    }
    return value;
  });
}
