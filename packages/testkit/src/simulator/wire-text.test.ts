import { describe, expect, it } from 'vitest';
import { wireTool } from './wire-text.js';

describe('wireTool', () => {
  it('reads a declared tool’s name, description and parameters', () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' } } };
    expect(wireTool({ name: 'weather', description: 'Looks the weather up' }, parameters)).toEqual([
      { name: 'weather', description: 'Looks the weather up', parameters },
    ]);
  });

  it('gives a tool without a description an empty one, and parameters that are not an object {}', () => {
    expect(wireTool({ name: 'ping', description: 42 }, 'not a schema')).toEqual([
      { name: 'ping', description: '', parameters: {} },
    ]);
    expect(wireTool({ name: 'ping' }, [{ type: 'object' }])).toEqual([
      { name: 'ping', description: '', parameters: {} },
    ]);
  });

  it('reads no tool from a declaration without a name', () => {
    expect(wireTool({ description: 'nameless' }, { type: 'object' })).toEqual([]);
    expect(wireTool({ name: 7 }, { type: 'object' })).toEqual([]);
  });
});
