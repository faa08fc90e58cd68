/** The version of @rig-ts/deepseek. */
export const VERSION = '0.1.0';
