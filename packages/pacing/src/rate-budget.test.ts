import { describe, expect, it } from 'vitest';
import type { RateLimitReading } from './parse-rate-limit-headers.js';
import { RateBudget } from './rate-budget.js';

/** A budget whose one request, sent and answered at `now`, read `reading`. */
function answeredOnce(reading: RateLimitReading, now = 0): RateBudget {
  const budget = new RateBudget();
  const mark = budget.reserve(1, now);
  budget.observe(reading, mark, now, now);
  budget.settle(mark, now);
  return budget;
}

describe('RateBudget', () => {
  it('knows no limit until told; then what the server had, less what was sent after', () => {
    const budget = new RateBudget();
    expect(budget.available(0)).toBe(Number.POSITIVE_INFINITY);
    const first = budget.reserve(1, 0);
    budget.reserve(1, 0);
    budget.reserve(1, 0);
    budget.observe({ limit: 10, remaining: 9, resetMs: 100, resetMeasured: true }, first, 0, 0);
    expect(budget.available(0)).toBe(7);
    // What is missing, less the half unit lost on average to the rounded-down count, refills over the reset.
    expect(budget.state(0)).toEqual({ limit: 10, available: 7, refillPerSecond: 5 });
  });

  it('refills at that rate, up to the limit, and says how long to wait', () => {
    const budget = answeredOnce({ limit: 60, remaining: 0, resetMs: 59_500 }, 1000);
    expect(budget.state(1000)).toEqual({ limit: 60, available: 0, refillPerSecond: 1 });
    expect(budget.waitMs(1, 1000)).toBe(1000);
    expect(budget.available(2000)).toBe(1);
    expect(budget.available(1_000_000)).toBe(60);
    budget.reserve(1, 2000);
    expect(budget.available(2000)).toBe(0);
    expect(budget.waitMs(2, 2000)).toBe(2000);
    expect(budget.waitMs(500, 2000)).toBe(60_000);
  });

  it('takes back the fraction a measured reset gives, and credits the refill since the request was sent as an upper bound', () => {
    const budget = answeredOnce({ limit: 40, remaining: 0, resetMs: 987.5, resetMeasured: true });
    // 39.5 units over 987.5 ms: 40 a second.
    expect(budget.state(0).refillPerSecond).toBeCloseTo(40, 6);
    const mark = budget.reserve(1, 1000);
    expect(budget.available(1000)).toBe(39);
    // The server had 0.5 (its count says 0, its reset 987.5 ms) when it handled the request, and has refilled at most
    // 4 in the 100 ms since the request was sent: its own count (40 by now) comes down to 4.5.
    budget.observe({ limit: 40, remaining: 0, resetMs: 987.5, resetMeasured: true }, mark, 1100, 1000);
    expect(budget.available(1100)).toBeCloseTo(4.5, 6);
  });

  it('stays at or under what the server has when answers come back out of order', () => {
    // The server had 5: it handled b (4 left), then a (3 left); b's answer came first.
    const budget = new RateBudget();
    const a = budget.reserve(1, 0);
    const b = budget.reserve(1, 0);
    budget.observe({ limit: 5, remaining: 4, resetMs: undefined }, b, 10, 0);
    budget.settle(b, 10);
    expect(budget.available(10)).toBe(3);
    budget.observe({ limit: 5, remaining: 3, resetMs: undefined }, a, 12, 0);
    budget.settle(a, 12);
    expect(budget.available(12)).toBeLessThanOrEqual(3);
  });

  it('catches up with the server when its own count fell behind (a quiet answer shows what is really left)', () => {
    const budget = answeredOnce({ limit: 10, remaining: 0, resetMs: undefined });
    expect(budget.available(0)).toBe(0);
    const second = budget.reserve(1, 5000);
    budget.observe({ limit: 10, remaining: 8, resetMs: undefined }, second, 5000, 5000);
    expect(budget.available(5000)).toBe(8);
  });

  it('has nothing after a 429 until the server said to retry, then a full bucket when no rate is known', () => {
    const budget = answeredOnce({ limit: 5, remaining: 5, resetMs: undefined });
    const limited = budget.reserve(1, 10);
    budget.exhaust(limited, 20, 520);
    budget.settle(limited, 20);
    expect(budget.available(20)).toBeCloseTo(0, 9);
    expect(budget.waitMs(1, 20)).toBe(500);
    expect(budget.available(520)).toBe(5);
    budget.reserve(2, 530);
    expect(budget.available(600)).toBe(3);
  });

  it('keeps a fixed per-minute limit for providers that send no headers', () => {
    const budget = RateBudget.perMinute(120, 0);
    expect(budget.available(0)).toBe(2);
    budget.reserve(2, 0);
    expect(budget.waitMs(1, 0)).toBe(500);
    expect(budget.available(60_000)).toBe(120);
    // Asked every 10 ms for a minute: the full bucket, then 2 a second — never more, however long it runs.
    let spent = 0;
    for (let time = 60_000; time < 120_000; time += 10) {
      if (budget.waitMs(1, time) === 0) {
        budget.reserve(1, time);
        spent++;
      }
    }
    expect(spent).toBe(239); // 120 at once, then 2 a second for 59.99 s
    expect(budget.waitMs(1, 120_000)).toBeGreaterThan(0);
  });
});
