/** The version of @rig-ts/mcp (sent to servers as the client's version). */
export const VERSION = '0.0.0';
