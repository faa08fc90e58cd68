/**
 * Calls `onIdle` once when nothing happened for a while: it checks every `periodMs` and fires at the first check that
 * finds no `touch()` since the previous one and nothing `busy` (so between one and two periods after the last
 * activity). Its timer never keeps a Node process alive.
 */
export class IdleWatchdog {
  readonly #periodMs: number;
  readonly #busy: () => boolean;
  readonly #onIdle: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #touched = false;

  constructor(periodMs: number, busy: () => boolean, onIdle: () => void) {
    this.#periodMs = periodMs;
    this.#busy = busy;
    this.#onIdle = onIdle;
    this.#arm();
  }

  /** Records activity (cheap enough for every stream item). */
  touch(): void {
    this.#touched = true;
  }

  /** Stops watching. */
  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    const timer = setTimeout(() => {
      if (this.#timer !== timer) return;
      if (this.#touched || this.#busy()) {
        this.#touched = false;
        this.#arm();
        return;
      }
      this.#timer = undefined;
      this.#onIdle();
    }, this.#periodMs);
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }
}
