/** The cancellation scope of one call: the caller's signal and the total timeout, as one AbortController. */
export class CallScope {
  readonly controller = new AbortController();
  readonly userSignal: AbortSignal | undefined;
  readonly timeoutMs: number;
  timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onUserAbort: (() => void) | undefined;

  constructor(timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.timeoutMs = timeoutMs;
    this.userSignal = userSignal;
    const controller = this.controller;
    if (userSignal) {
      if (userSignal.aborted) controller.abort(userSignal.reason);
      else {
        this.#onUserAbort = () => controller.abort(userSignal.reason);
        userSignal.addEventListener('abort', this.#onUserAbort, { once: true });
      }
    }
    if (timeoutMs > 0 && timeoutMs < 2 ** 31) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
      }, timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the timer and detaches from the caller's signal. */
  release(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onUserAbort) this.userSignal?.removeEventListener('abort', this.#onUserAbort);
  }
}
