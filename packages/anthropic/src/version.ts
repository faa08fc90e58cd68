/** The version of `@rig-ts/anthropic`. */
export const VERSION = '0.1.0';
