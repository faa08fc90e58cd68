import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReliabilityDoc } from './reliability-doc.js';
import type { SoakResult } from './soak/run-soak.js';

const DOC = new URL('../../../RELIABILITY.md', import.meta.url);
const SOAK = new URL('../soak-results.json', import.meta.url);

describe('RELIABILITY.md', () => {
  it('is exactly what the fault matrix asserts and what the full-size soak measured', () => {
    const soak = existsSync(SOAK) ? (JSON.parse(readFileSync(SOAK, 'utf8')) as SoakResult) : undefined;
    const rendered = renderReliabilityDoc(soak);
    if (process.env.RIG_WRITE_DOC === '1') writeFileSync(DOC, rendered);
    const committed = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(
      committed === rendered,
      'RELIABILITY.md differs from the rendering: run `pnpm --filter @rig-ts/reliability doc`',
    ).toBe(true);
  });

  it('has the full-size soak figures, and they meet the bar', () => {
    const soak = JSON.parse(readFileSync(SOAK, 'utf8')) as SoakResult;
    expect(soak.calls).toBe(10_000);
    expect(soak.streams).toBe(1_000);
    expect(soak.heapEndBytes).toBeLessThanOrEqual(soak.heapStartBytes * 1.1);
    expect([soak.socketsOpenAfter, soak.requestsActiveAfter, soak.unhandledRejections]).toEqual([0, 0, 0]);
  });
});
