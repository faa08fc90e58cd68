import { describe, expect, it } from 'vitest';
import { readBatchCreate } from './read-batch-create.js';
import type { BatchRouteRequest } from './simulator-batch-routes.js';
import type { SimulatorRoutesContext } from './simulator-engine.js';

const context = { options: { batchDelayMs: 250 } } as SimulatorRoutesContext;
const request = (body: string, headers: { [name: string]: string } = {}): BatchRouteRequest => ({
  method: 'POST',
  path: '/v1/batches',
  search: new URLSearchParams(),
  headers,
  body,
  origin: 'http://simulator.invalid',
});

describe('readBatchCreate', () => {
  it('reads the JSON body and the x-sim-batch-* settings, the delay defaulting to the simulator option', () => {
    expect(readBatchCreate(request('{"requests":[1]}', { 'x-sim-batch-fail': 'a, b' }), context, 'bad JSON')).toEqual({
      body: { requests: [1] },
      settings: { delayMs: 250, fail: new Set(['a', 'b']), outcome: 'completed' },
    });
    expect(
      readBatchCreate(
        request('{}', { 'x-sim-batch-delay-ms': '0', 'x-sim-batch-outcome': 'expired' }),
        context,
        'bad JSON',
      ),
    ).toEqual({ body: {}, settings: { delayMs: 0, fail: new Set(), outcome: 'expired' } });
  });

  it.each([
    ['not JSON', '{oops'],
    ['empty', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"requests"'],
  ])("answers a body that is %s with the provider's wording", (_name, body) => {
    expect(readBatchCreate(request(body), context, 'bad JSON')).toBe('bad JSON');
  });

  it('answers a setting it cannot read with what is wrong with it', () => {
    expect(readBatchCreate(request('{}', { 'x-sim-batch-delay-ms': '-1' }), context, 'bad JSON')).toBe(
      'x-sim-batch-delay-ms must be a whole number of milliseconds (got "-1")',
    );
    expect(readBatchCreate(request('{}', { 'x-sim-batch-outcome': 'done' }), context, 'bad JSON')).toBe(
      'x-sim-batch-outcome must be one of completed, expired, failed (got "done")',
    );
  });
});
