import { MAX_TIMER_MS } from '@rig-ts/core/internal';

/**
 * The cancellation scope of one call, from the request to the end of its body: the caller's signal and the total
 * timeout (`timeoutMs`, spanning every attempt, the waits between them and the body), as one AbortController.
 */
export class CallScope {
  readonly controller = new AbortController();
  readonly userSignal: AbortSignal | undefined;
  readonly timeoutMs: number;
  /** When the call times out (`Date.now()` time); `Infinity` without a limit. */
  readonly deadline: number;
  timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onUserAbort: (() => void) | undefined;

  /** `timeoutMs` of 0, `Infinity` or more than a timer takes means no limit. */
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
    const limited = timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS;
    this.deadline = limited ? Date.now() + timeoutMs : Infinity;
    if (limited) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
      }, timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** What is left of the time limit, in ms; `Infinity` without one. */
  timeLeftMs(): number {
    return this.deadline - Date.now();
  }

  /** Stops the timer and detaches from the caller's signal. */
  release(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onUserAbort) this.userSignal?.removeEventListener('abort', this.#onUserAbort);
  }
}
