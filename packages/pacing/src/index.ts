export { mapConcurrent, MAP_CONCURRENT_DEFAULTS } from './map-concurrent.js';
export type { MapConcurrentContext, MapConcurrentOptions, MapConcurrentProgress } from './map-concurrent.js';
export { pacedFetch } from './paced-fetch.js';
export type { PacedFetch, PacedFetchOptions, PacedFetchState } from './paced-fetch.js';
export { parseRateLimitHeaders, parseResetMs } from './parse-rate-limit-headers.js';
export type { RateLimitHeaders, RateLimitReading } from './parse-rate-limit-headers.js';
export { estimateRequestTokens } from './estimate-request-tokens.js';
export type { RateBudgetState } from './rate-budget.js';
