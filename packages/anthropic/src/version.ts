/** The version of `@rig-ts/anthropic`. */
export const VERSION = '0.0.0';
