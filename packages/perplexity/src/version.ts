/** The version of @rig-ts/perplexity. */
export const VERSION = '0.0.0';
