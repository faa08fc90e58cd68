/** The version of `@rig-ts/gemini`. */
export const VERSION = '0.0.0';
