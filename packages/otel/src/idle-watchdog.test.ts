import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatchdog } from './idle-watchdog.js';

describe('IdleWatchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once, one period after the start when nothing happens', () => {
    const onIdle = vi.fn();
    new IdleWatchdog(1000, () => false, onIdle);
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits while touched, and fires between one and two periods after the last touch', () => {
    const onIdle = vi.fn();
    const watchdog = new IdleWatchdog(1000, () => false, onIdle);
    for (let step = 0; step < 10; step++) {
      vi.advanceTimersByTime(500);
      watchdog.touch();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1001);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires while busy', () => {
    const onIdle = vi.fn();
    let busy = true;
    new IdleWatchdog(1000, () => busy, onIdle);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).not.toHaveBeenCalled();
    busy = false;
    vi.advanceTimersByTime(1000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stop() ends the watch', () => {
    const onIdle = vi.fn();
    new IdleWatchdog(1000, () => false, onIdle).stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
