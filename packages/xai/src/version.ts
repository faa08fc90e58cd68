/** The version of @rig-ts/xai. */
export const VERSION = '0.1.0';
