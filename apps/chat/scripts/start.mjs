// `pnpm start`: bundles the app (well under a second, no package build needed) and runs it in this process.
import { bundleChatApp } from './bundle.mjs';

await bundleChatApp();
await import('../dist/chat.js');
