/**
 * The most rig-ts reads of one message from a provider (64 Mi): a JSON answer, in bytes; an event of a stream or a line
 * of a JSON-lines body, in characters. More fails the read instead of filling memory. No completion, batch line or
 * file listing comes near it; the fault matrix's 50 MB answers stay under it.
 */
export const MAX_WIRE_MESSAGE = 67_108_864;
