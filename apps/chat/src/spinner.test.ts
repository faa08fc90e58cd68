import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Spinner } from './spinner.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe('Spinner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws a frame at once and one per interval on a terminal, then erases its line', () => {
    const terminal = stream(true);
    const spinner = new Spinner(terminal, 80);
    spinner.start('waiting');
    vi.advanceTimersByTime(170);
    spinner.start('again'); // already running: no second timer
    vi.advanceTimersByTime(80);
    spinner.stop();
    vi.advanceTimersByTime(500);
    spinner.stop();
    expect(terminal.writes).toEqual(['\r⠋ waiting', '\r⠙ waiting', '\r⠹ waiting', '\r⠸ waiting', '\r\u001b[K']);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const pipe = stream(false);
    const spinner = new Spinner(pipe);
    spinner.start('waiting');
    vi.advanceTimersByTime(1000);
    spinner.stop();
    expect(pipe.writes).toEqual([]);
  });
});
