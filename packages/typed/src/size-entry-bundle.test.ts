import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Bundles as scripts/size.mjs does (browser ESM, minified, tree-shaken); needs the workspace's packages built.
async function bundle(
  entry: string | { contents: string; resolveDir: string },
): Promise<{ text: string; gzip: number }> {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: entry }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { text: new TextDecoder().decode(code), gzip: gzipSync(code, { level: 9 }).length };
}

/** What betrays ajv's compiler or run-time code generation in a bundle. */
const FORBIDDEN = [
  'new Function',
  'Function(',
  'eval(',
  'schema with key or id',
  'strict mode',
  'addKeyword',
  'unknown format',
  '$async',
];

const sizeEntries = fileURLToPath(new URL('../../../scripts/size-entries/', import.meta.url));

describe('the browser bundle of promptTyped with a generated schema', () => {
  it('holds no ajv compiler, no new Function and no eval, and stays under 10 KB min+gzip', async () => {
    const { text, gzip } = await bundle(join(sizeEntries, 'typed-prompt-generated-schema.js'));
    for (const marker of FORBIDDEN) expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: false });
    expect(text).toContain('must be <= 1');
    expect(gzip).toBeLessThan(10 * 1024);
  });

  it('whereas a bundle using @rig-ts/typed/ajv does carry the compiler (the check can fail)', async () => {
    const contents =
      "import { jsonSchema } from '@rig-ts/typed/ajv';\nconsole.log(jsonSchema({ type: 'object' }).validate({}));\n";
    const { text } = await bundle({ contents, resolveDir: sizeEntries });
    for (const marker of ['new Function', 'schema with key or id', 'strict mode', 'addKeyword'])
      expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: true });
  });
});
