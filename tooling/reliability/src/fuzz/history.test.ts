import { CompletionError, parseHistory, stringifyHistory } from '@rig-ts/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyHistory, asParsed, nodesOf } from '../test-utils/message-arbitraries.js';
import { wireText } from '../test-utils/split-anywhere.js';

function outcome(run: () => unknown): { value: unknown } | { error: CompletionError } {
  try {
    return { value: run() };
  } catch (error) {
    if (CompletionError.isInstance(error) && error.kind === 'request') return { error };
    throw error;
  }
}

function requestError(run: () => unknown): CompletionError & { path?: string } {
  const result = outcome(run);
  if (!('error' in result))
    throw new Error(`expected a request error, got ${JSON.stringify(result.value)?.slice(0, 200)}`);
  return result.error as CompletionError & { path?: string };
}

describe('the history (de)serializer, property-based', () => {
  it('reads back what stringifyHistory wrote, every content kind and raw bytes included', () => {
    fc.assert(
      fc.property(anyHistory, (history) => {
        const text = stringifyHistory(history);
        const expected = asParsed(history);
        expect(parseHistory(text)).toEqual(expected);
        expect(parseHistory(JSON.parse(text))).toEqual(expected);
        expect(stringifyHistory(parseHistory(text))).toBe(JSON.stringify(parseHistory(text)));
      }),
      { numRuns: 800, seed: 140 },
    );
  });

  it('refuses a prototype key put on any object of a valid history, naming that object, and pollutes nothing', () => {
    fc.assert(
      fc.property(
        anyHistory.filter((history) => history.length > 0),
        fc.nat(),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        (history, pick, key) => {
          const value = JSON.parse(stringifyHistory(history)) as unknown;
          const objects = nodesOf(value).filter(
            ({ node, path }) => typeof node === 'object' && node !== null && !Array.isArray(node) && path !== 'history',
          );
          const target = objects[pick % objects.length]!;
          Object.defineProperty(target.node, key, {
            value: { polluted: true },
            enumerable: true,
            configurable: true,
            writable: true,
          });
          // Through JSON text, as a server would receive it: `__proto__` arrives as an own key.
          const error = requestError(() => parseHistory(JSON.stringify(value)));
          expect(error.path).toBe(target.path);
          expect(error.message).toBe(`${target.path} has a forbidden key "${key}"`);
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        },
      ),
      { numRuns: 800, seed: 141 },
    );
  });

  it('refuses a too long string anywhere, naming where it is', () => {
    fc.assert(
      fc.property(
        anyHistory.filter((history) => history.length > 0),
        fc.nat(),
        (history, pick) => {
          const value = JSON.parse(stringifyHistory(history)) as unknown;
          const strings = nodesOf(value).filter(({ node }) => typeof node === 'string');
          fc.pre(strings.length > 0);
          const target = strings[pick % strings.length]!;
          (target.parent as { [key: string]: unknown })[target.key!] = 'x'.repeat(101);
          const error = requestError(() => parseHistory(value, { maxStringLength: 100 }));
          expect(error.path).toBe(target.path);
          expect(error.message.startsWith(target.path)).toBe(true);
        },
      ),
      { numRuns: 800, seed: 142 },
    );
  });

  it('answers any change of shape with the value or a request error naming the change, what holds it, or what it holds', () => {
    const replacement = fc.oneof(
      fc.constantFrom(null, 0, -1, true, '', 'text', [], {}, [[]], { type: 'nope' }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(
        anyHistory.filter((history) => history.length > 0),
        fc.nat(),
        replacement,
        (history, pick, next) => {
          const value = JSON.parse(stringifyHistory(history)) as unknown;
          const nodes = nodesOf(value).filter(({ path }) => path !== 'history');
          const target = nodes[pick % nodes.length]!;
          (target.parent as { [key: string]: unknown })[target.key!] = next;
          const result = outcome(() => parseHistory(value));
          if ('error' in result) {
            const path = (result.error as { path?: string }).path!;
            // The error is at the change, above it, or within the object that holds it (a changed `type` makes a sibling
            // field required).
            const holder = target.path.slice(
              0,
              target.path.length - (typeof target.key === 'number' ? `[${target.key}]` : `.${target.key}`).length,
            );
            const related =
              target.path === path ||
              target.path.startsWith(`${path}.`) ||
              target.path.startsWith(`${path}[`) ||
              path.startsWith(`${holder}.`) ||
              path.startsWith(`${holder}[`);
            expect(related, `error at ${path} for a change at ${target.path}: ${result.error.message}`).toBe(true);
            expect(result.error.message.startsWith(path)).toBe(true);
          }
        },
      ),
      { numRuns: 1500, seed: 143 },
    );
  });

  it('never throws anything but a request error, on any JSON value or any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 8 }), wireText, fc.json({ maxDepth: 6 })), (input) => {
        outcome(() => parseHistory(input));
      }),
      { numRuns: 3000, seed: 144 },
    );
  });

  it('refuses deep nesting in free-form values, however deep, without overflowing the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 100_000 }), fc.boolean(), (depth, arrays) => {
        const text = arrays
          ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        const history = `[{"role":"assistant","content":[{"type":"tool-call","id":"1","function":{"name":"f","arguments":${text}}}]}]`;
        const error = requestError(() => parseHistory(history));
        expect(error.message).toMatch(/ nests deeper than 64 levels$/);
        expect(error.path!.startsWith('history[0].content[0].function.arguments')).toBe(true);
      }),
      { numRuns: 60, seed: 145 },
    );
  });
});
