export { CHROMIUM_FLAGS, launchChromium } from './launch-chromium.js';
export type { LaunchChromiumOptions, LaunchedChromium } from './launch-chromium.js';
export { CHROMIUM_HELP, CHROMIUM_VARIABLE, SYSTEM_CHROMIUM_PATH, locateChromium } from './locate-chromium.js';
export type { ChromiumLocation, LocateChromiumOptions } from './locate-chromium.js';
export { isExecutable } from './is-executable.js';
export { CHROMIUM_PACKAGE, findPackagedChromium, unpackPackagedChromium } from './unpack-packaged-chromium.js';
export type { PackagedChromium, PackagedChromiumOptions } from './unpack-packaged-chromium.js';
