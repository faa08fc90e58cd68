/** The version of @rig-ts/openai-compatible. */
export const VERSION = '0.0.0';
