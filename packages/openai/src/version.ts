/** The version of @rig-ts/openai. */
export const VERSION = '0.0.0';
