/** The version of @rig-ts/openai. */
export const VERSION = '0.1.0';
