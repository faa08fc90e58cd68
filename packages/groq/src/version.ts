/** The version of @rig-ts/groq. */
export const VERSION = '0.0.0';
