// Writes a provider package's expectations table: the summary of every real recording under the given fixture
// folders, derived straight from the wire JSON (see src/derive-expectations.ts). Build this package first.
// Run from the provider package: node ../../tooling/provider-tests/derive-expectations.mjs src/__fixtures__/expectations.json <dir>...
// (without dirs, the folders already listed in the file are used).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deriveExpectations } from './dist/index.js';

const [target, ...given] = process.argv.slice(2);
if (!target) {
  console.error('usage: node derive-expectations.mjs <expectations.json> [fixture dir...]');
  process.exit(1);
}
const file = resolve(process.cwd(), target);
const dirs = given.length > 0 ? given : existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).dirs : [];
if (dirs.length === 0) {
  console.error(`no fixture folders given and none listed in ${file}`);
  process.exit(1);
}
const expectations = deriveExpectations(dirs);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(expectations, null, 2)}\n`);
console.log(
  `${file}: ${Object.keys(expectations.chat).length} chat and ${Object.keys(expectations.responses).length} responses recordings`,
);
