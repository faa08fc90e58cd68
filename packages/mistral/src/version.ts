/** The version of @rig-ts/mistral. */
export const VERSION = '0.0.0';
