// Shapes of credentials that may reach an error message written by code rig-ts does not control (a custom model, a
// proxy's error page): bearer tokens, the key formats of the providers rig-ts speaks to, and key-like query parameters.
// rig-ts's own transport already removes the client's key from every error; this is a second line, not the first.
const CREDENTIALS =
  /(\bBearer\s+)[^\s"',;()<>]+|\b(?:sk|gsk|xai|pplx|csk)[-_][A-Za-z0-9_-]{8,}|\bAIza[0-9A-Za-z_-]{20,}|([?&](?:key|api_key|apikey|api-key|access_token|token)=)[^&\s"'()<>]+/gi;

/** The longest error message copied into a span (status description, exception event). */
export const MAX_ERROR_MESSAGE_LENGTH = 1024;

/** `text` with anything shaped like a credential replaced by `[REDACTED]`, cut to {@link MAX_ERROR_MESSAGE_LENGTH}. */
export function scrubCredentials(text: string): string {
  const scrubbed = text.replace(
    CREDENTIALS,
    (_match, bearer: string | undefined, query: string | undefined) => `${bearer ?? query ?? ''}[REDACTED]`,
  );
  return scrubbed.length > MAX_ERROR_MESSAGE_LENGTH ? `${scrubbed.slice(0, MAX_ERROR_MESSAGE_LENGTH)}…` : scrubbed;
}
