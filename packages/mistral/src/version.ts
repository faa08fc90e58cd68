/** The version of @rig-ts/mistral. */
export const VERSION = '0.1.0';
