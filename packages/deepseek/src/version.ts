/** The version of @rig-ts/deepseek. */
export const VERSION = '0.0.0';
