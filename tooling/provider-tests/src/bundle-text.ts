import { build } from 'esbuild';

/**
 * Bundles `source` (an ES module, its imports resolved from `resolveDir`) as a browser app's bundler does — ESM,
 * tree-shaken, not minified — and returns the bundle's text, to check what an app carries.
 */
export async function bundleText(source: string, resolveDir: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    minify: false,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}
