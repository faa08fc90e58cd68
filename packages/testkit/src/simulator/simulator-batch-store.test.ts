import { describe, expect, it } from 'vitest';
import type { SimulatedBatchSettings } from './simulated-batch.js';
import { SimulatorBatchStore } from './simulator-batch-store.js';
import type { SimulatorRoutesContext } from './simulator-engine.js';

const settings: SimulatedBatchSettings = { delayMs: 1000, fail: new Set(['b']), outcome: 'completed' };

/** A context whose answers echo what they were asked, and record each call. */
function echoContext(): { context: SimulatorRoutesContext; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const context = {
    options: {},
    now: () => 0,
    requests: [],
    answer: (api, body, model, seed) => {
      calls.push([api, body, model, seed]);
      return { status: 200, body: { api, model, seed } };
    },
    reply: () => {
      throw new Error('not used');
    },
  } satisfies SimulatorRoutesContext;
  return { context, calls };
}

describe('SimulatorBatchStore', () => {
  it('starts a batch whose requests are answered alone, seeded by the batch id and index, and a failed id with the failure body', () => {
    const store = new SimulatorBatchStore();
    const { context, calls } = echoContext();
    const requests = [
      { id: 'a', body: { n: 1 } },
      { id: 'b', body: { n: 2 } },
      { id: 'c', body: { n: 3 } },
    ];
    const batch = store.start(context, {
      id: 'batch_1',
      now: 0,
      requests,
      settings,
      api: 'gemini',
      model: 'gemini-2.5-flash',
      failure: { error: 'boom' },
      meta: { provider: 'gemini', name: 'batch_1' },
    });
    expect(store.batches.get('batch_1')).toBe(batch);
    expect(batch.meta).toEqual({ provider: 'gemini', name: 'batch_1' });
    expect(calls).toEqual([]);
    expect(batch.lines()).toEqual([
      { id: 'a', kind: 'answered', status: 200, body: { api: 'gemini', model: 'gemini-2.5-flash', seed: 'batch_1:0' } },
      { id: 'b', kind: 'answered', status: 500, body: { error: 'boom' } },
      { id: 'c', kind: 'answered', status: 200, body: { api: 'gemini', model: 'gemini-2.5-flash', seed: 'batch_1:2' } },
    ]);
    expect(calls).toEqual([
      ['gemini', { n: 1 }, 'gemini-2.5-flash', 'batch_1:0'],
      ['gemini', { n: 3 }, 'gemini-2.5-flash', 'batch_1:2'],
    ]);
  });

  it("finds a batch only through the provider that started it (another provider's id is not found)", () => {
    const store = new SimulatorBatchStore();
    const batch = store.start(echoContext().context, {
      id: 'msgbatch_1',
      now: 0,
      requests: [],
      settings,
      api: 'anthropic',
      failure: null,
      meta: { provider: 'anthropic', id: 'msgbatch_1' },
    });
    expect(store.find('anthropic', 'msgbatch_1')).toBe(batch);
    expect(store.find('openai', 'msgbatch_1')).toBeUndefined();
    expect(store.find('anthropic', 'msgbatch_2')).toBeUndefined();
  });

  it('stores a file the first time it is asked for and never makes it again; nothing while the maker gives nothing', () => {
    const store = new SimulatorBatchStore();
    let made = 0;
    const make = () => {
      made++;
      return { filename: 'out.jsonl', purpose: 'batch_output', content: `${made}\n`, createdAt: 5 };
    };
    expect(store.fileOnce('file-1', () => undefined)).toBeUndefined();
    expect(store.files.has('file-1')).toBe(false);
    const file = store.fileOnce('file-1', make);
    expect(file).toEqual({
      id: 'file-1',
      filename: 'out.jsonl',
      purpose: 'batch_output',
      content: '1\n',
      createdAt: 5,
    });
    expect(store.fileOnce('file-1', make)).toBe(file);
    expect(made).toBe(1);
    expect(store.files.get('file-1')).toBe(file);
  });

  it('counts ids from 1, and forgets batches, files and the count on reset', () => {
    const store = new SimulatorBatchStore();
    expect([store.next(), store.next()]).toEqual([1, 2]);
    store.start(echoContext().context, {
      id: 'x',
      now: 0,
      requests: [],
      settings,
      api: 'openai-chat',
      failure: null,
      meta: { provider: 'openai' },
    });
    store.fileOnce('f', () => ({ filename: 'f', purpose: 'batch', content: '', createdAt: 0 }));
    store.reset();
    expect([store.batches.size, store.files.size, store.next()]).toEqual([0, 0, 1]);
  });
});
