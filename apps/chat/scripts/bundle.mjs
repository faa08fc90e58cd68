// Bundles the chat app into dist/chat.js with esbuild, taking the rig-ts packages from their TypeScript sources,
// so `pnpm start` works right after `pnpm install` (no package needs to be built first) and takes well under a second.
// The sources import the packages by name, as a user's app does; only this build step knows they are local.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const packagesFolder = join(app, '..', '..', 'packages');

/** Workspace package name → its folder. */
const workspacePackages = new Map();
for (const folder of readdirSync(packagesFolder)) {
  const manifest = join(packagesFolder, folder, 'package.json');
  if (existsSync(manifest))
    workspacePackages.set(JSON.parse(readFileSync(manifest, 'utf8')).name, join(packagesFolder, folder));
}

/** `@rig-ts/testkit/simulator` → packages/testkit/src/simulator.ts, following the package's `exports` map. */
const fromSources = {
  name: 'rig-ts-from-sources',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(@rig-ts\/|rig-ts(\/|$))/ }, (arguments_) => {
      const parts = arguments_.path.split('/');
      const [name, rest] =
        parts[0] === 'rig-ts' ? [parts[0], parts.slice(1)] : [`${parts[0]}/${parts[1]}`, parts.slice(2)];
      const folder = workspacePackages.get(name);
      if (folder === undefined) return undefined;
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const subpath = rest.length === 0 ? '.' : `./${rest.join('/')}`;
      const target = manifest.exports?.[subpath]?.default ?? manifest.exports?.[subpath]?.import;
      if (typeof target !== 'string')
        return { errors: [{ text: `${arguments_.path} is not exported by ${manifest.name}` }] };
      return { path: join(folder, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')) };
    });
  },
};

/** Writes dist/chat.js. */
export async function bundleChatApp() {
  await build({
    entryPoints: [join(app, 'src', 'chat.ts')],
    outfile: join(app, 'dist', 'chat.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [fromSources],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleChatApp();
