// Writes each published package's version into its `src/version.ts` (`export const VERSION = '…';`), which its own
// test compares with package.json. `pnpm version-packages` runs it after `changeset version`, which bumps only the
// package.json files. Run: node scripts/sync-version-constants.mjs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION_LINE = /^export const VERSION = '[^']*';$/m;

/** Rewrites the VERSION constants under `root/packages`; returns the files it changed. */
export function syncVersionConstants(root = fileURLToPath(new URL('..', import.meta.url))) {
  const changed = [];
  for (const folder of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', folder, 'src', 'version.ts');
    if (!existsSync(file)) continue;
    const { version } = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    const source = readFileSync(file, 'utf8');
    if (!VERSION_LINE.test(source)) throw new Error(`${file} has no line \`export const VERSION = '…';\``);
    const updated = source.replace(VERSION_LINE, `export const VERSION = '${version}';`);
    if (updated !== source) {
      writeFileSync(file, updated);
      changed.push(file);
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of syncVersionConstants()) console.log(`updated ${file}`);
}
