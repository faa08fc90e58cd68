import type { OutputStream } from './terminal.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A spinner on one line of a terminal, until `stop()` erases it. Does nothing when the stream is not a terminal
 * (pipes and logs get no animation).
 */
export class Spinner {
  readonly #stream: OutputStream;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #frame = 0;

  constructor(stream: OutputStream, intervalMs = 80) {
    this.#stream = stream;
    this.#intervalMs = intervalMs;
  }

  start(label: string): void {
    if (this.#timer !== undefined || this.#stream.isTTY !== true) return;
    const draw = () => {
      this.#stream.write(`\r${FRAMES[this.#frame++ % FRAMES.length]} ${label}`);
    };
    draw();
    this.#timer = setInterval(draw, this.#intervalMs);
  }

  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stream.write('\r\u001b[K');
  }
}
