import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { MAP_CONCURRENT_DEFAULTS, mapConcurrent, type MapConcurrentProgress } from './map-concurrent.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapConcurrent', () => {
  it('keeps at most `concurrency` calls running, and resolves with the results in the order of the items', async () => {
    let running = 0;
    let most = 0;
    const progress: MapConcurrentProgress[] = [];
    const results = await mapConcurrent(
      Array.from({ length: 40 }, (_, index) => index),
      async (item, index) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
        running--;
        return `${item}:${index}`;
      },
      { concurrency: 6, onProgress: (current) => void progress.push(current) },
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, index) => `${index}:${index}`));
    expect(most).toBe(6);
    expect(progress.map((current) => current.done)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(progress.every((current) => current.total === 40 && current.active <= 6)).toBe(true);
    expect(MAP_CONCURRENT_DEFAULTS).toEqual({ concurrency: 8 });
  });

  it('reads an iterable only as calls free up, and takes async iterables and plain values', async () => {
    const pulled: number[] = [];
    function* items() {
      for (let index = 0; index < 10; index++) {
        pulled.push(index);
        yield index;
      }
    }
    const releases: (() => void)[] = [];
    const running = mapConcurrent(
      items(),
      (item) => new Promise<number>((resolve) => releases.push(() => resolve(item * 2))),
      { concurrency: 3 },
    );
    await tick();
    expect(pulled).toEqual([0, 1, 2]);
    releases.shift()!();
    await tick();
    expect(pulled).toEqual([0, 1, 2, 3]);
    while (releases.length > 0) {
      releases.shift()!();
      await tick();
    }
    expect(await running).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    async function* asyncItems() {
      yield 'a';
      await tick();
      yield 'b';
    }
    expect(await mapConcurrent(asyncItems(), (item) => item.toUpperCase())).toEqual(['A', 'B']);
    expect(await mapConcurrent([], () => 1)).toEqual([]);
  });

  it('stops at the first failure: rejects with it at once, aborts the other calls, starts no more', async () => {
    const failure = new Error('call 3 failed');
    const started: number[] = [];
    const aborted: number[] = [];
    const error = await mapConcurrent(
      Array.from({ length: 20 }, (_, index) => index),
      (item, _index, { signal }) => {
        started.push(item);
        if (item === 3) return Promise.reject(failure);
        return new Promise<never>(() => signal.addEventListener('abort', () => aborted.push(item)));
      },
      { concurrency: 4 },
    ).catch((caught: unknown) => caught);
    expect(error).toBe(failure);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(aborted).toEqual([0, 1, 2]);
  });

  it("rejects with the caller's abort reason even when calls never settle, and stops when onProgress throws", async () => {
    const controller = new AbortController();
    const hanging = mapConcurrent([1, 2, 3], () => new Promise(() => undefined), {
      signal: controller.signal,
      concurrency: 2,
    });
    controller.abort('enough');
    await expect(hanging).rejects.toBe('enough');
    await expect(mapConcurrent([1], () => 1, { signal: AbortSignal.abort('already') })).rejects.toBe('already');
    const calls: number[] = [];
    const broken = mapConcurrent([1, 2, 3, 4], (item) => void calls.push(item), {
      concurrency: 1,
      onProgress: () => {
        throw new Error('dashboard down');
      },
    });
    await expect(broken).rejects.toThrow('dashboard down');
    expect(calls).toEqual([1]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '4' as unknown as number])(
    'refuses concurrency %s',
    async (concurrency) => {
      const error = await mapConcurrent([1], () => 1, { concurrency }).catch((caught: unknown) => caught);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'request',
        path: 'concurrency',
        message: `concurrency must be a whole number of at least 1 (got ${String(concurrency)})`,
      });
    },
  );

  it('fails when the iterable throws', async () => {
    function* broken() {
      yield 1;
      throw new Error('source broke');
    }
    await expect(mapConcurrent(broken(), (item) => item)).rejects.toThrow('source broke');
  });
});
