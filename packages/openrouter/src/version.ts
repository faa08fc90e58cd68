/** The version of @rig-ts/openrouter. */
export const VERSION = '0.0.0';
