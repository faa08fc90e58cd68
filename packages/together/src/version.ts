/** The version of @rig-ts/together. */
export const VERSION = '0.0.0';
