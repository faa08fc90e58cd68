export { HttpTransport } from './http-transport.js';
export type { JsonResponse, StreamCall, StreamOptions } from './http-transport.js';
export type { AuthScheme, TransportSettings } from './transport-settings.js';
export { transportOptionsOf, type ClientTransportOptions } from './client-transport-options.js';
export { extractProviderError } from './extract-provider-error.js';
export { readEnv } from './read-env.js';
export { retryAfterMs } from './retry-plan.js';
