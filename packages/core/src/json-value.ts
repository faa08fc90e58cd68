/** Any value JSON can represent. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema document (draft 7 / 2019-09 / 2020-12 keywords are passed through as given). */
export type JsonSchema = { [keyword: string]: unknown };

/** Provider-specific options, namespaced by provider name, e.g. `{ anthropic: { cacheControl: { type: 'ephemeral' } } }`. */
export type ProviderOptions = { [provider: string]: { [option: string]: unknown } | undefined };
