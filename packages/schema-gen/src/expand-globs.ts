import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const GLOB_CHARACTERS = /[*?[{]/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A glob as a regular expression over posix paths: `**` any directories, `*` and `?` within a segment, `{a,b}`, `[abc]`. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slash = glob[index + 2] === '/';
        pattern += slash ? '(?:[^/]*/)*' : '.*';
        index += slash ? 2 : 1;
      } else pattern += '[^/]*';
    } else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', index);
      if (end === -1) pattern += '\\{';
      else {
        pattern += `(?:${glob
          .slice(index + 1, end)
          .split(',')
          .map((option) => option.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        index = end;
      }
    } else if (char === '[') {
      const end = glob.indexOf(']', index);
      if (end === -1) pattern += '\\[';
      else {
        pattern += `[${glob.slice(index + 1, end).replace(/^!/, '^')}]`;
        index = end;
      }
    } else pattern += char.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

function walk(directory: string, found: string[]): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(join(directory, entry.name), found);
    } else if (entry.isFile()) found.push(join(directory, entry.name));
  }
}

/**
 * Expands glob patterns (`src/**\/*.schema.ts`) against the file system, relative to `cwd`; plain paths pass through.
 * Matches are sorted, so the result (and the generated module) does not depend on directory order.
 */
export function expandGlobs(patterns: readonly string[], cwd: string = process.cwd()): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB_CHARACTERS.test(pattern)) {
      files.push(pattern);
      continue;
    }
    const posix = toPosix(pattern);
    const segments = posix.split('/');
    const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
    const base = resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
    const matcher = globToRegExp(toPosix(relative(cwd, resolve(cwd, posix))));
    const found: string[] = [];
    try {
      if (statSync(base).isDirectory()) walk(base, found);
    } catch {
      // a missing base directory matches nothing
    }
    const matches = found
      .map((file) => toPosix(relative(cwd, file)))
      .filter((file) => matcher.test(file) && !file.endsWith('.d.ts'));
    files.push(...matches.sort());
  }
  return [...new Set(files)];
}
