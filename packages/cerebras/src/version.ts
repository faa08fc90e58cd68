/** The version of @rig-ts/cerebras. */
export const VERSION = '0.0.0';
