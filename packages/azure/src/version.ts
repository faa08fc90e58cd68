/** The version of @rig-ts/azure. */
export const VERSION = '0.0.0';
