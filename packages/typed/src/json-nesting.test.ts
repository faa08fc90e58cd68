import { describe, expect, it } from 'vitest';
import { jsonSchema } from './ajv.js';
import { isNestedDeeperThan, MAX_JSON_NESTING } from './json-nesting.js';
import { promptTyped } from './prompt-typed.js';
import { streamTyped } from './stream-typed.js';
import { ScriptedModel, textResponse } from './test-utils/scripted-model.js';

interface Tree {
  name: string;
  children?: Tree[];
}

/** A tree whose schema refers to itself: checking an answer walks it as deep as it goes. */
const TreeSchema = jsonSchema<Tree>(
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      name: { type: 'string' },
      note: { type: 'string' },
      children: { type: 'array', items: { $ref: '#' } },
    },
    required: ['name'],
  },
  { name: 'Tree' },
);

/** A tree of `objects` nested objects, with an array between each two: `2 × objects − 1` levels of JSON. */
function treeText(objects: number): string {
  return `${'{"name":"a","children":['.repeat(objects - 1)}{"name":"leaf"}${']}'.repeat(objects - 1)}`;
}

const usage = { promptTokens: 10, completionTokens: 5, totalTokens: 15 };
const TOO_DEEP = {
  name: 'StructuredOutputError.Validation',
  message: `the model's answer does not match the schema "Tree": (root) is nested deeper than 256 levels`,
  errors: [{ path: '', message: 'is nested deeper than 256 levels' }],
};

describe('isNestedDeeperThan', () => {
  it('counts the levels of arrays and objects, not scalars', () => {
    expect(MAX_JSON_NESTING).toBe(256);
    expect([null, 'text', 3, true, undefined].map((value) => isNestedDeeperThan(value, 0))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isNestedDeeperThan({}, 0)).toBe(true);
    expect(isNestedDeeperThan({ a: [1, { b: 'c' }] }, 3)).toBe(false);
    expect(isNestedDeeperThan({ a: [1, { b: 'c' }] }, 2)).toBe(true);
    expect(isNestedDeeperThan({ a: [1, { b: {} }] }, 3)).toBe(true);
  });

  it('finds the deepest branch of a wide value, and walks a million levels without recursion', () => {
    const wide = { rows: Array.from({ length: 1000 }, (_, index) => ({ index })), deep: [[[[{}]]]] };
    expect(isNestedDeeperThan(wide, 6)).toBe(false);
    expect(isNestedDeeperThan(wide, 5)).toBe(true);
    let deep: unknown[] = [];
    for (let level = 1; level < 1_000_000; level++) deep = [deep];
    expect(isNestedDeeperThan(deep)).toBe(true);
    expect(isNestedDeeperThan(deep, 1_000_000)).toBe(false);
  });
});

describe('an answer nested thousands of levels deep', () => {
  it('promptTyped: a validation error the repair loop answers, not a stack overflow', async () => {
    const model = new ScriptedModel([textResponse(treeText(20_000)), textResponse('{"name":"root"}')]);
    expect(await promptTyped(model, TreeSchema, 'A tree')).toEqual({ name: 'root' });
    const failing = new ScriptedModel([textResponse(treeText(20_000))]);
    await expect(promptTyped(failing, TreeSchema, 'A tree', { maxRepairs: 0 })).rejects.toMatchObject(TOO_DEEP);
  });

  it('streamTyped: the final answer fails with the validation error', async () => {
    const stream = await streamTyped(
      new ScriptedModel([], [{ deltas: [treeText(20_000)], usage }]),
      TreeSchema,
      'A tree',
    );
    await expect(stream.value).rejects.toMatchObject(TOO_DEEP);
  });

  it('an answer of 256 levels is checked as usual', async () => {
    // 128 objects: 255 levels, and a note of the wrong type at the bottom.
    const text = treeText(128).replace('{"name":"leaf"}', '{"name":"leaf","note":7}');
    const model = new ScriptedModel([textResponse(text)]);
    await expect(promptTyped(model, TreeSchema, 'A tree', { maxRepairs: 0 })).rejects.toMatchObject({
      name: 'StructuredOutputError.Validation',
      errors: [{ path: `${'/children/0'.repeat(127)}/note`, message: 'must be string', keyword: 'type' }],
    });
  });
});
