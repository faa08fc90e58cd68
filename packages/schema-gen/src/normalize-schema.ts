import type { JsonSchema } from './json-schema.js';

type Definitions = { [name: string]: JsonSchema };

/** `import("/abs/path", { with: … }).Point` (how TypeScript prints a type from another module) */
const IMPORT_PREFIX = /import\("[^"]*"[^)]*\)\./g;

function safeName(name: string): string {
  const cleaned = name
    .replace(IMPORT_PREFIX, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'Definition' : cleaned;
}

function rewriteRefs(value: unknown, renamed: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renamed));
  if (typeof value !== 'object' || value === null) return value;
  const result: { [key: string]: unknown } = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith('#/definitions/')) {
      const target = decodeURIComponent(child.slice('#/definitions/'.length));
      result[key] = `#/$defs/${renamed.get(target) ?? target}`;
    } else result[key] = rewriteRefs(child, renamed);
  }
  return result;
}

/**
 * Makes typescript-json-schema's output fit for providers and deterministic: no `$schema`, the root type inlined
 * (a root `$ref` becomes the referenced definition, which stays for recursive references), definitions under `$defs`
 * (the name OpenAI, Anthropic and Gemini document; ajv reads it in draft-07 too), and definition names
 * restricted to `[A-Za-z0-9_-]` (`Record<string,Address>` becomes `Record_string_Address`, and the absolute paths of
 * `import("…").Point` are dropped, so the output does not depend on where the files are).
 */
export function normalizeSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, definitions: rawDefinitions, ...rest } = schema;
  let root: JsonSchema = rest;
  const definitions: Definitions = { ...(rawDefinitions as Definitions | undefined) };
  if (typeof root.$ref === 'string' && root.$ref.startsWith('#/definitions/')) {
    const { $ref, ...annotations } = root;
    const target = definitions[decodeURIComponent(($ref as string).slice('#/definitions/'.length))];
    if (target !== undefined) root = { ...target, ...annotations };
  }
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  for (const name of Object.keys(definitions)) {
    let candidate = safeName(name);
    for (let suffix = 2; used.has(candidate); suffix++) candidate = `${safeName(name)}_${suffix}`;
    used.add(candidate);
    renamed.set(name, candidate);
  }
  const normalized = rewriteRefs(root, renamed) as JsonSchema;
  if (renamed.size === 0) return normalized;
  const renamedDefinitions: Definitions = {};
  for (const [name, definition] of Object.entries(definitions))
    renamedDefinitions[renamed.get(name)!] = rewriteRefs(definition, renamed) as JsonSchema;
  // Definitions no reference reaches any more (the inlined root of a non-recursive type) are dropped.
  const reachable = reachableDefinitions(normalized, renamedDefinitions);
  if (reachable.size === 0) return normalized;
  const kept: Definitions = {};
  for (const [name, definition] of Object.entries(renamedDefinitions)) if (reachable.has(name)) kept[name] = definition;
  return { ...normalized, $defs: kept };
}

function reachableDefinitions(root: JsonSchema, definitions: Definitions): Set<string> {
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/')) {
          const name = child.slice('#/$defs/'.length);
          if (!reached.has(name) && definitions[name] !== undefined) {
            reached.add(name);
            visit(definitions[name]);
          }
        } else visit(child);
      }
    }
  };
  visit(root);
  return reached;
}
