/** The version of @rig-ts/xai. */
export const VERSION = '0.0.0';
