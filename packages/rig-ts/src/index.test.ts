import * as agent from '@rig-ts/agent';
import * as core from '@rig-ts/core';
import * as streaming from '@rig-ts/streaming';
import * as typed from '@rig-ts/typed';
import { describe, expect, it } from 'vitest';
import * as facade from './index.js';

describe('the rig-ts facade', () => {
  it('re-exports every value of core, streaming, typed and agent, unchanged (no logic of its own)', () => {
    const sources = { ...core, ...streaming, ...typed, ...agent } as { [name: string]: unknown };
    expect(Object.keys(facade).sort()).toEqual(Object.keys(sources).sort());
    for (const [name, value] of Object.entries(facade)) expect(value, name).toBe(sources[name]);
  });
});
