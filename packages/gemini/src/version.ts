/** The version of `@rig-ts/gemini`. */
export const VERSION = '0.1.0';
