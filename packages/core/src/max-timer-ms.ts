/**
 * The longest delay a timer takes: 2^31 − 1 ms (about 24.8 days). A longer one fires at once in every runtime (Node
 * prints a `TimeoutOverflowWarning` and waits 1 ms), so a wait of unknown length is cut to this, or refused.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
