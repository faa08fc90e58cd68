import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak.js';

const FULL = process.env.RIG_SOAK === 'full';
const SIZE = FULL ? { calls: 10_000, streams: 1_000 } : { calls: 1_000, streams: 100 };

describe(`the soak (${SIZE.calls} sequential calls, ${SIZE.streams} concurrent streams)`, () => {
  it(
    'leaves the heap within 10% of where it started, no socket open, no unhandled rejection',
    async () => {
      const result = await runSoak(SIZE);
      const summary = {
        ...result,
        heapGrowth: `${(((result.heapEndBytes - result.heapStartBytes) / result.heapStartBytes) * 100).toFixed(1)}%`,
      };
      console.log(`soak: ${JSON.stringify(summary)}`);
      if (FULL)
        writeFileSync(new URL('../../soak-results.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
      expect(result.outcomes.answered + result.outcomes.failed + result.outcomes.aborted).toBe(
        SIZE.calls + SIZE.streams,
      );
      // Every kind of ending happened: 6 in 10 answer, 3 in 10 fail, 1 in 10 is aborted.
      expect(result.outcomes.answered).toBeGreaterThan(0);
      expect(result.outcomes.failed).toBeGreaterThan(0);
      expect(result.outcomes.aborted).toBe((SIZE.calls + SIZE.streams) / 10);
      expect(result.requestsActiveAfter).toBe(0);
      expect(result.socketsOpenAfter).toBe(0);
      expect(result.unhandledRejections).toBe(0);
      expect(result.heapEndBytes).toBeLessThanOrEqual(result.heapStartBytes * 1.1);
    },
    FULL ? 900_000 : 120_000,
  );
});
