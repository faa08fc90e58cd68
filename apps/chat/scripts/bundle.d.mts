/** Writes dist/chat.js: the app bundled with esbuild, the @rig-ts packages taken from their sources. */
export function bundleChatApp(): Promise<void>;
