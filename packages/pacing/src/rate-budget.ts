import type { RateLimitReading } from './parse-rate-limit-headers.js';

/** What a {@link RateBudget} knows, for logs and tests. */
export interface RateBudgetState {
  limit: number | undefined;
  /** Units it may spend now (`undefined`: no limit known). */
  available: number | undefined;
  /** The refill it works with, in units per second (`undefined`: not known yet). */
  refillPerSecond: number | undefined;
}

// How much each answer moves the running sums the refill rate is read from.
const REFILL_SMOOTHING = 0.2;

/**
 * One rate limit of an account (requests, or tokens) as the client sees it: a bucket of `limit` units that refills
 * continuously, as OpenAI and Anthropic describe their limits. The client keeps its own count — spent when a request
 * is sent, refilled at the rate the headers imply — and every answer's headers keep that count between two bounds of
 * what the server has: at most what it reported plus what it has refilled since the request was sent, less what was
 * sent after that request; at least what it reported less what was sent after it and less every request sent before
 * it that the server may have handled after it (answers come back out of order when many are in flight). Pure: the
 * time is passed in.
 */
export class RateBudget {
  /** Units sent so far. */
  sent = 0;
  #limit: number | undefined;
  /** The bucket's level at `#levelAt` (`undefined`: nothing known, no limit). */
  #level: number | undefined;
  #levelAt = 0;
  /** The requests sent and not answered yet, by mark: their units and when they were sent. */
  readonly #inFlight = new Map<number, { units: number; at: number }>();
  /** Requests answered lately: their mark, units and when the answer came (pruned once no observation can need them). */
  #answered: { mark: number; units: number; at: number }[] = [];
  #latestMark = -1;
  #refillPerMs: number | undefined;
  // Running sums of what was missing and of the reset times, whose ratio is the refill rate.
  #missing = 0;
  #resets = 0;
  #fullAt: number | undefined;

  /** A fixed limit (for a provider that sends no headers): `perMinute` units, refilled evenly, starting with a second's worth. */
  static perMinute(perMinute: number, now: number): RateBudget {
    const budget = new RateBudget();
    budget.#limit = perMinute;
    budget.#refillPerMs = perMinute / 60_000;
    budget.#level = Math.max(1, perMinute / 60);
    budget.#levelAt = now;
    return budget;
  }

  #levelNow(now: number): number | undefined {
    if (this.#level === undefined) return undefined;
    let level = this.#level;
    if (this.#refillPerMs !== undefined) level += this.#refillPerMs * Math.max(0, now - this.#levelAt);
    // Without a refill rate, the bucket is full again at the reset time (units spent after it are counted from there).
    else if (this.#fullAt !== undefined && now >= this.#fullAt)
      level = Math.max(level, this.#limit ?? Number.POSITIVE_INFINITY);
    return this.#limit === undefined ? level : Math.min(this.#limit, level);
  }

  /** Takes `units` at `now` for a request about to be sent; returns its mark, for {@link observe} and {@link settle}. */
  reserve(units: number, now: number): number {
    const level = this.#levelNow(now);
    if (level !== undefined) {
      this.#level = level - units;
      this.#levelAt = now;
      if (this.#fullAt !== undefined && now >= this.#fullAt) this.#fullAt = undefined;
    }
    this.sent += units;
    this.#inFlight.set(this.sent, { units, at: now });
    return this.sent;
  }

  /** The request marked `mark` is answered (or failed) at `now`: it is no longer in flight. */
  settle(mark: number, now: number): void {
    const request = this.#inFlight.get(mark);
    if (request === undefined) return;
    this.#inFlight.delete(mark);
    this.#answered.push({ mark, units: request.units, at: now });
    // An answer can only matter to a request sent before it came: none is left once every request in flight was sent later.
    let oldest = Number.POSITIVE_INFINITY;
    for (const other of this.#inFlight.values()) oldest = Math.min(oldest, other.at);
    if (this.#answered[0]!.at < oldest) this.#answered = this.#answered.filter((answer) => answer.at >= oldest);
  }

  /**
   * What the answer to the request marked `mark`, sent at `sentAt`, says at `now`. The count it reports is rounded
   * down; a reset the server measured (a duration) gives back the fraction.
   */
  observe(reading: RateLimitReading, mark: number, now: number, sentAt = now): void {
    const known = this.#levelNow(now);
    const limit = reading.limit ?? this.#limit;
    this.#limit = limit;
    const { remaining, resetMs } = reading;
    let level = remaining;
    if (limit !== undefined && resetMs !== undefined && resetMs > 0 && remaining < limit) {
      // The reset is when the bucket is full again: what is missing (half a unit is lost to the rounding, on average)
      // refills in that time. Sums weigh long resets, the exact ones, most.
      this.#missing += REFILL_SMOOTHING * (limit - remaining - 0.5 - this.#missing);
      this.#resets += REFILL_SMOOTHING * (resetMs - this.#resets);
      this.#refillPerMs = this.#missing / this.#resets;
      if (reading.resetMeasured === true)
        level = Math.min(remaining + 0.999, Math.max(remaining, limit - this.#refillPerMs * resetMs));
    }
    if (mark >= this.#latestMark) {
      this.#latestMark = mark;
      this.#fullAt = resetMs === undefined ? undefined : now + resetMs;
    }
    const sentAfter = this.sent - mark;
    // Requests sent before this one that the server may have handled after it: those still in flight, and those
    // answered after this one was sent.
    let handledLater = 0;
    for (const [other, request] of this.#inFlight) if (other < mark) handledLater += request.units;
    for (const answer of this.#answered) if (answer.mark < mark && answer.at > sentAt) handledLater += answer.units;
    const refilled = this.#refillPerMs === undefined ? 0 : this.#refillPerMs * Math.max(0, now - sentAt);
    const cap = (value: number) => (limit === undefined ? value : Math.min(limit, value));
    const most = cap(level + refilled) - sentAfter;
    const least = remaining - sentAfter - handledLater;
    this.#level = known === undefined || !Number.isFinite(known) ? least : Math.max(least, Math.min(known, most));
    this.#levelAt = now;
  }

  /** Nothing left until `until` (a 429): the server says the budget is spent. */
  exhaust(mark: number, now: number, until: number): void {
    this.observe({ limit: this.#limit, remaining: 0, resetMs: undefined }, mark, now);
    this.#level = Math.min(this.#level ?? 0, -(this.sent - mark));
    this.#fullAt = until;
  }

  /** Units that may be spent at `now` (`Infinity` when no limit is known). */
  available(now: number): number {
    return this.#levelNow(now) ?? Number.POSITIVE_INFINITY;
  }

  /** How long to wait, from `now`, before `units` may be spent (a request bigger than the whole limit waits for a full bucket). */
  waitMs(units: number, now: number): number {
    const need = this.#limit === undefined ? units : Math.min(units, this.#limit);
    const available = this.available(now);
    if (available >= need) return 0;
    if (this.#refillPerMs !== undefined && this.#refillPerMs > 0)
      return Math.ceil((need - available) / this.#refillPerMs);
    if (this.#fullAt !== undefined && this.#fullAt > now) return this.#fullAt - now;
    // Nothing says when it refills: look again in a second.
    return 1000;
  }

  state(now: number): RateBudgetState {
    const available = this.available(now);
    return {
      limit: this.#limit,
      available: Number.isFinite(available) ? available : undefined,
      refillPerSecond: this.#refillPerMs === undefined ? undefined : this.#refillPerMs * 1000,
    };
  }
}
