/** The version of `@rig-ts/ollama`. */
export const VERSION = '0.0.0';
