import { bundleChatApp } from '../../scripts/bundle.mjs';

/** Bundles the app before its tests, so they always run the current sources as `pnpm start` does. */
export default async function setup(): Promise<void> {
  await bundleChatApp();
}
