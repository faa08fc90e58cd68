import { describe, expect, it } from 'vitest';
import { SimulatedBatch } from './simulated-batch.js';

const answered = (request: { id: string }) => ({ status: 200, body: request.id });
const newBatch = () =>
  new SimulatedBatch(
    0,
    [
      { id: 'a', body: {} },
      { id: 'b', body: {} },
    ],
    { delayMs: 1000, fail: new Set(), outcome: 'completed' },
    answered,
    answered,
  );

describe('SimulatedBatch.cancel', () => {
  it('cancels a running batch, which then ends a tenth of its delay later with the requests done by then', () => {
    const batch = newBatch();
    expect(batch.cancel(500)).toBe(true);
    expect([batch.cancelledAt, batch.endsAt, batch.phase(599), batch.phase(600)]).toEqual([
      500,
      600,
      'running',
      'ended',
    ]);
    expect(batch.lines()).toEqual([
      { id: 'a', kind: 'answered', status: 200, body: 'a' },
      { id: 'b', kind: 'cancelled' },
    ]);
  });

  it('keeps the first cancel time on a second cancel before the end, and refuses one after it', () => {
    const batch = newBatch();
    batch.cancel(100);
    expect(batch.cancel(150)).toBe(true);
    expect(batch.cancelledAt).toBe(100);
    expect(batch.cancel(200)).toBe(false);
    expect([batch.cancelledAt, batch.endsAt]).toEqual([100, 200]);
  });

  it('refuses to cancel an ended batch, leaving its every request answered', () => {
    const batch = newBatch();
    expect(batch.cancel(1000)).toBe(false);
    expect(batch.cancelledAt).toBeUndefined();
    expect(batch.lines().map((line) => line.kind)).toEqual(['answered', 'answered']);
  });
});
