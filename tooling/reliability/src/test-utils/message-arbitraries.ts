import type { Message } from '@rig-ts/core';
import fc from 'fast-check';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Free-form JSON as a history may carry it (tool arguments, JSON results, metadata): no prototype keys, no -0. */
export const freeJson: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 3 })
  .filter((value) => !JSON.stringify(value).match(/"(__proto__|constructor|prototype)":/))
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const freeObject = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((key) => !FORBIDDEN.has(key)),
  freeJson,
  { maxKeys: 3 },
);
const text = fc.string({ unit: 'binary', maxLength: 12 });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Drops the keys whose value is `undefined` (they do not survive JSON either). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

const source = fc.oneof(
  fc.record({ type: fc.constant('base64'), data: text }),
  fc.record({ type: fc.constant('url'), url: text }),
  fc.record({ type: fc.constant('file-id'), fileId: text }),
  fc.record({ type: fc.constant('text'), text }),
  fc.record({ type: fc.constant('bytes'), data: fc.uint8Array({ maxLength: 12 }) }),
);
const providerOptions = optional(fc.record({ anthropic: freeObject }));
const textBlock = fc
  .record({ type: fc.constant('text'), text, providerMetadata: optional(freeObject), providerOptions })
  .map(compact);
const media = fc
  .record({
    type: fc.constantFrom('image', 'audio', 'video', 'document'),
    source,
    mediaType: optional(fc.constantFrom('image/png', 'audio/wav', 'video/mp4', 'application/pdf', 'text/plain')),
    detail: optional(fc.constantFrom('low', 'high', 'auto')),
    filename: optional(text),
    providerOptions,
  })
  .map(({ detail, filename, ...rest }) =>
    compact({
      ...rest,
      ...(rest.type === 'image' ? { detail } : {}),
      ...(rest.type === 'document' ? { filename } : {}),
    }),
  );
const toolResultPart = fc.oneof(
  fc.record({ type: fc.constant('text'), text }),
  fc.record({ type: fc.constant('json'), value: freeJson }),
  fc.record({ type: fc.constant('image'), source, mediaType: optional(fc.constant('image/png')) }).map(compact),
);
const toolResult = fc
  .record({
    type: fc.constant('tool-result'),
    id: text,
    callId: optional(text),
    name: optional(text),
    content: fc.array(toolResultPart, { minLength: 1, maxLength: 3 }),
    isError: optional(fc.boolean()),
    providerOptions,
  })
  .map(compact);
const toolCall = fc
  .record({
    type: fc.constant('tool-call'),
    id: text,
    callId: optional(text),
    function: fc.record({ name: text, arguments: freeJson }),
    signature: optional(text),
    providerMetadata: optional(freeObject),
  })
  .map(compact);
const reasoning = fc
  .record({
    type: fc.constant('reasoning'),
    id: optional(text),
    content: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('text'), text, signature: optional(text) }).map(compact),
        fc.record({ type: fc.constant('summary'), text }),
        fc.record({ type: fc.constantFrom('encrypted', 'redacted'), data: text }),
      ),
      { maxLength: 3 },
    ),
    providerMetadata: optional(freeObject),
  })
  .map(compact);

/** Any valid message: every content kind, every optional field, raw bytes included. */
export const anyMessage: fc.Arbitrary<Message> = fc.oneof(
  fc.record({
    role: fc.constant('user'),
    content: fc.array(fc.oneof(textBlock, media, toolResult), { minLength: 1, maxLength: 4 }),
  }),
  fc
    .record({
      role: fc.constant('assistant'),
      id: optional(text),
      content: fc.array(fc.oneof(textBlock, toolCall, reasoning), { minLength: 1, maxLength: 4 }),
    })
    .map(compact),
) as unknown as fc.Arbitrary<Message>;

/** Any valid history. */
export const anyHistory = fc.array(anyMessage, { maxLength: 6 });

/** `value` as `parseHistory` gives it back: raw bytes become base64 (what `stringifyHistory` writes). */
export function asParsed(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(asParsed);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as { [key: string]: unknown };
  if (record.type === 'bytes' && record.data instanceof Uint8Array)
    return { type: 'base64', data: asParsed(record.data) };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, asParsed(item)]));
}

/** Every object and array in a JSON value with its path in `parseHistory`'s notation (`history[0].content[1].source`). */
export function nodesOf(
  value: unknown,
  path = 'history',
): { path: string; node: unknown; parent: unknown; key: string | number | undefined }[] {
  const nodes: { path: string; node: unknown; parent: unknown; key: string | number | undefined }[] = [];
  const walk = (node: unknown, at: string, parent: unknown, key: string | number | undefined) => {
    nodes.push({ path: at, node, parent, key });
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}[${index}]`, node, index));
    else if (typeof node === 'object' && node !== null)
      for (const [name, item] of Object.entries(node)) walk(item, `${at}.${name}`, node, name);
  };
  walk(value, path, undefined, undefined);
  return nodes;
}
