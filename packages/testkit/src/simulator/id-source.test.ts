import { describe, expect, it } from 'vitest';
import { ALPHANUMERIC, HEX, IdSource } from './id-source.js';

describe('IdSource', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const first = new IdSource('rig-sim:1');
    const again = new IdSource('rig-sim:1');
    const other = new IdSource('rig-sim:2');
    const a = [first.id('resp_', 50, HEX), first.id('call_', 24, ALPHANUMERIC), first.obfuscation()];
    expect([again.id('resp_', 50, HEX), again.id('call_', 24, ALPHANUMERIC), again.obfuscation()]).toEqual(a);
    expect(other.id('resp_', 50, HEX)).not.toBe(a[0]);
    expect(a[0]).toMatch(/^resp_[0-9a-f]{50}$/);
    expect(a[1]).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(a[2]).toMatch(/^[A-Za-z0-9]{1,15}$/);
  });

  it('draws numbers in [0, 1) spread over the range', () => {
    const source = new IdSource('spread');
    const values = Array.from({ length: 1000 }, () => source.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
    expect(values.filter((value) => value < 0.5).length).toBeLessThan(600);
  });
});
