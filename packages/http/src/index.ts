export { HttpTransport } from './http-transport.js';
export type { JsonResponse, StreamCall, StreamOptions } from './http-transport.js';
export { DEFAULT_TRANSPORT_SETTINGS } from './transport-settings.js';
export type { AuthScheme, TransportSettings } from './transport-settings.js';
export type { ClientTransportOptions } from './client-transport-options.js';
export { extractProviderError } from './extract-provider-error.js';
export { readEnv } from './read-env.js';
export { redactCause, redactSecret } from './redact-secret.js';
export { backoffDelay, retryAfterMs } from './retry-delay.js';
