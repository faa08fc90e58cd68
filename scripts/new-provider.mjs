#!/usr/bin/env node
// Creates a provider package for a Chat-Completions-compatible API: the standard file set of CONTRIBUTING.md
// ("Adding a provider"), a passing test against a recorded-shape stub, a README and a changeset.
//
//   pnpm new-provider <name> [--display-name "Acme AI"] [--base-url https://api.acme.example/v1]
//                            [--env-prefix ACME] [--dir <folder>] [--changeset-dir <folder>] [--no-changeset]
//
// Plain Node, no dependencies. Exits with code 1 and a message for an invalid or taken name.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Names that are, or will be, packages of the repository other than providers. */
const RESERVED = new Set([
  'core',
  'http',
  'streaming',
  'fixtures',
  'typed',
  'schema-gen',
  'agent',
  'testkit',
  'rig-ts',
  'openai-wire',
  'provider-tests',
  'create-provider',
  'bench',
  'apps',
]);

const USAGE = `usage: pnpm new-provider <name> [options]

  <name>                  the package folder and npm name (@rig-ts/<name>): lowercase letters, digits and
                          single dashes, starting with a letter, at most 40 characters (e.g. acme, acme-ai)
  --display-name <text>   the name in error messages and docs (default: from <name>, e.g. "Acme Ai")
  --base-url <url>        the API's base URL; /chat/completions is appended (default: a placeholder to replace)
  --env-prefix <PREFIX>   prefix of the environment variables <PREFIX>_API_KEY and <PREFIX>_BASE_URL
                          (default: from <name>, e.g. ACME_AI)
  --dir <folder>          write the package there instead of packages/<name>
  --changeset-dir <dir>   where the changeset goes (default: .changeset)
  --no-changeset          write no changeset
`;

class UsageError extends Error {}

/** The folder the user ran the command in (pnpm runs root scripts from the root and keeps it in INIT_CWD). */
function invocationDirectory() {
  return process.env.INIT_CWD ?? process.cwd();
}

function parseArguments(argv) {
  const options = { changeset: true };
  const positional = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument === '--display-name') options.displayName = value();
    else if (argument === '--base-url') options.baseURL = value();
    else if (argument === '--env-prefix') options.envPrefix = value();
    else if (argument === '--dir') options.dir = value();
    else if (argument === '--changeset-dir') options.changesetDir = value();
    else if (argument === '--no-changeset') options.changeset = false;
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  if (options.help) return options;
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0 ? 'give the provider name' : `give one name, not ${positional.length}`,
    );
  options.name = positional[0];
  return options;
}

function workspacePackageNames() {
  const names = new Set();
  for (const folder of ['packages', 'tooling', 'apps']) {
    const parent = join(root, folder);
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const manifest = join(parent, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(manifest)) names.add(JSON.parse(readFileSync(manifest, 'utf8')).name);
    }
  }
  return names;
}

/** Why `name` cannot be a new provider package, or undefined when it can. */
export function nameProblem(name) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    return `"${name}" is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter (e.g. acme or acme-ai)`;
  }
  if (name.length > 40) return `"${name}" is too long: at most 40 characters`;
  if (RESERVED.has(name)) return `"${name}" is reserved for a package of the repository that is not a provider`;
  if (existsSync(join(root, 'packages', name)))
    return `packages/${name} already exists: pick another name, or edit that package`;
  if (workspacePackageNames().has(`@rig-ts/${name}`)) return `@rig-ts/${name} already exists in the workspace`;
  return undefined;
}

const words = (name) => name.split('-');
const pascal = (name) =>
  words(name)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
const camel = (name) => pascal(name)[0].toLowerCase() + pascal(name).slice(1);
const constant = (name) => words(name).join('_').toUpperCase();

function devVersions() {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', 'openai-wire', 'package.json'), 'utf8'));
  const pick = (dependency) => manifest.devDependencies[dependency];
  return { '@types/node': pick('@types/node'), typescript: pick('typescript'), vitest: pick('vitest') };
}

function files(settings) {
  const { name, displayName, baseURL, envPrefix, tsconfigBase, buildScript, readmeLink, deriveScript } = settings;
  const Pascal = pascal(name);
  const CONSTANT = constant(name);
  const apiKeyVariable = `${envPrefix}_API_KEY`;
  const baseURLVariable = `${envPrefix}_BASE_URL`;
  const namespace = camel(name);
  const out = {};

  out['package.json'] = `${JSON.stringify(
    {
      name: `@rig-ts/${name}`,
      version: '0.0.0',
      description: `${displayName} for rig-ts: Chat Completions with streaming, tool calls and typed options.`,
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20' },
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
      main: './dist/index.js',
      types: './dist/index.d.ts',
      files: ['dist', 'README.md', 'CHANGELOG.md'],
      scripts: {
        build: `node ${buildScript}`,
        typecheck: 'tsc -p tsconfig.json --noEmit',
        test: 'vitest run',
        'derive-expectations': `node ${deriveScript} src/__fixtures__/expectations.json`,
      },
      dependencies: { '@rig-ts/core': 'workspace:^', '@rig-ts/openai-wire': 'workspace:^' },
      devDependencies: { '@rig-ts/fixtures': 'workspace:*', '@rig-ts/provider-tests': 'workspace:*', ...devVersions() },
      keywords: ['llm', name, 'chat-completions', 'rig'],
    },
    null,
    2,
  )}\n`;

  out['tsconfig.json'] =
    `${JSON.stringify({ extends: tsconfigBase, compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] }, include: ['src'] }, null, 2)}\n`;
  out['tsconfig.build.json'] = `${JSON.stringify(
    {
      extends: './tsconfig.json',
      compilerOptions: { types: [] },
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/**/__fixtures__/**', 'src/**/test-utils/**'],
    },
    null,
    2,
  )}\n`;
  out['vitest.config.ts'] = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
`;

  out['README.md'] = `# @rig-ts/${name}

${displayName} for [rig-ts](${readmeLink}): Chat Completions with streaming, tool calls and typed options.

\`\`\`sh
pnpm add rig-ts @rig-ts/${name}
\`\`\`

\`\`\`ts
import * as ${namespace} from '@rig-ts/${name}';

const model = ${namespace}.Client.fromEnv().completionModel('model-id'); // ${apiKeyVariable}, ${baseURLVariable}
console.log(await model.prompt('Explain quantum computing'));
\`\`\`

\`new ${namespace}.Client({ apiKey, baseURL, headers, fetch, maxRetries, timeoutMs, idleTimeoutMs })\` reads nothing until a
request is made; a missing key fails that request with a \`request\` error naming \`apiKey\` and \`${apiKeyVariable}\`.
\`${Pascal}Options\` go to \`completionModel(id, options)\` or per request under \`providerOptions.${name}\`.
\`${CONSTANT}_DEFAULTS\` holds the base URL, the key variable and the quirk switches.
`;

  out['src/version.ts'] = `/** The version of @rig-ts/${name}. */
export const VERSION = '0.0.0';
`;

  out[`src/${name}-options.ts`] = `import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of ${displayName}, at model level (\`client.completionModel(id, options)\`) or per request under
 * \`providerOptions.${name}\`: the Chat Completions options, plus ${displayName}'s own (add them here, and map each to
 * its body field in \`${CONSTANT}_DEFAULTS.optionFields\`).
 */
export interface ${Pascal}Options extends OpenAIChatOptions {}
`;

  out[`src/${name}-settings.ts`] =
    `import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the ${displayName} {@link Client}. Explicit values win, then the environment, then {@link ${CONSTANT}_DEFAULTS}:
 * \`apiKey\` defaults to \`${apiKeyVariable}\` (read when a request is made), \`baseURL\` to \`${baseURLVariable}\`, then
 * \`${baseURL}\`.
 */
export type ${Pascal}ClientOptions = ChatProviderClientOptions;

/**
 * ${displayName}'s endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const ${CONSTANT}_DEFAULTS: ChatProviderDefinition = {
  provider: '${name}',
  displayName: '${displayName}',
  baseURL: '${baseURL}',
  apiKeyVariables: ['${apiKeyVariable}'],
  baseURLVariable: '${baseURLVariable}',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
`;

  out[`src/${name}-provider.ts`] = `import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { ${Pascal}Options } from './${name}-options.js';
import { ${CONSTANT}_DEFAULTS, type ${Pascal}ClientOptions } from './${name}-settings.js';

/**
 * A ${displayName} client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * \`\`\`ts
 * import * as ${namespace} from '@rig-ts/${name}';
 * const model = ${namespace}.Client.fromEnv().completionModel('model-id'); // ${apiKeyVariable}
 * const text = await model.prompt('Explain quantum computing');
 * \`\`\`
 */
export class Client extends ChatProviderClient<${Pascal}Options> {
  constructor(options: ${Pascal}ClientOptions = {}) {
    super(${CONSTANT}_DEFAULTS, options);
  }

  /** A client configured from \`${apiKeyVariable}\` and \`${baseURLVariable}\`. */
  static fromEnv(): Client {
    return new Client();
  }
}
`;

  out['src/index.ts'] = `export { Client } from './${name}-provider.js';
export { ${CONSTANT}_DEFAULTS } from './${name}-settings.js';
export type { ${Pascal}ClientOptions } from './${name}-settings.js';
export type { ${Pascal}Options } from './${name}-options.js';
// The model class is the return type of \`completionModel\`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
`;

  // A recorded-shape stub: the shape of a real Chat Completions answer (see @rig-ts/fixtures' data/README.md).
  // Replace it with real recordings of the API once you have them.
  out['src/__fixtures__/stub-text.json'] = `${JSON.stringify(
    {
      id: 'chatcmpl-stub-1',
      object: 'chat.completion',
      created: 1760000000,
      model: 'stub-model',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the stub.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
    },
    null,
    2,
  )}\n`;
  const chunk = (delta, finish, extra = {}) =>
    JSON.stringify({
      id: 'chatcmpl-stub-2',
      object: 'chat.completion.chunk',
      created: 1760000000,
      model: 'stub-model',
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...extra,
    });
  out['src/__fixtures__/stub-tool-call.chunks.txt'] = `${[
    chunk({ role: 'assistant', content: '' }, null),
    chunk(
      { tool_calls: [{ index: 0, id: 'call_stub', type: 'function', function: { name: 'weather', arguments: '' } }] },
      null,
    ),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }, null),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, null),
    chunk({}, 'tool_calls'),
    JSON.stringify({
      id: 'chatcmpl-stub-2',
      object: 'chat.completion.chunk',
      created: 1760000000,
      model: 'stub-model',
      choices: [],
      usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
    }),
  ].join('\n')}\n`;

  out[`src/${name}-provider.test.ts`] = `import { readFileSync } from 'node:fs';
import { Message, PromptError, type CompletionRequest } from '@rig-ts/core';
import { chunksToWire } from '@rig-ts/fixtures';
import { jsonResponse, recordingFetch, sseResponse } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import stubText from './__fixtures__/stub-text.json' with { type: 'json' };
import * as ${namespace} from './index.js';

// Recorded-shape stubs stand in for recordings until real ones exist: add them under
// tooling/fixtures/data/${name}/ and replay them with @rig-ts/provider-tests (see CONTRIBUTING.md).
const stubToolCallLines = readFileSync(new URL('./__fixtures__/stub-tool-call.chunks.txt', import.meta.url), 'utf8').split('\\n').filter((line) => line !== '');

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

afterEach(() => vi.unstubAllEnvs());

describe('${namespace}.Client', () => {
  it('reads ${apiKeyVariable} and ${baseURLVariable} when a request is made, and parses the answer', async () => {
    vi.stubEnv('${apiKeyVariable}', 'key-from-env');
    vi.stubEnv('${baseURLVariable}', 'https://proxy.test/v1/');
    const recorded = recordingFetch(() => jsonResponse(stubText));
    const response = await new ${namespace}.Client({ fetch: recorded.fetch }).completionModel('stub-model').completion(request);
    expect(response.choice).toEqual([{ type: 'text', text: 'Hello from the stub.' }]);
    expect(response.usage).toEqual({ promptTokens: 9, completionTokens: 5, totalTokens: 14 });
    expect([response.id, response.model, response.finishReason, response.rawFinishReason]).toEqual(['chatcmpl-stub-1', 'stub-model', 'stop', 'stop']);
    expect(recorded.requests).toEqual([
      {
        url: 'https://proxy.test/v1/chat/completions',
        headers: { authorization: 'Bearer key-from-env', 'content-type': 'application/json' },
        body: { model: 'stub-model', messages: [{ role: 'user', content: 'hi' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('${apiKeyVariable}', '');
    const error = await ${namespace}.Client.fromEnv().completionModel('stub-model').prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message: '${displayName} API key is missing: pass it as the apiKey option or set the ${apiKeyVariable} environment variable',
    });
  });

  it('streams a tool call assembled from its fragments, with the usage of the last chunk, from the default base URL', async () => {
    const recorded = recordingFetch(() => sseResponse([chunksToWire(stubToolCallLines, 'chat')]));
    const model = new ${namespace}.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('stub-model');
    const final = await (await model.completionRequest('Weather in Paris?').maxTokens(64).stream()).final;
    expect(final.choice).toEqual([{ type: 'tool-call', id: 'call_stub', function: { name: 'weather', arguments: { city: 'Paris' } } }]);
    expect(final.usage).toEqual({ promptTokens: 20, completionTokens: 8, totalTokens: 28 });
    expect(final.finishReason).toBe('tool-calls');
    expect(recorded.requests[0]?.url).toBe('${baseURL}/chat/completions');
    expect(recorded.requests[0]?.body).toEqual({
      model: 'stub-model',
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      max_tokens: 64,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
`;
  return out;
}

function changeset(name, displayName) {
  return `---
"@rig-ts/${name}": minor
---

${name}: first release — ${displayName} Chat Completions with streaming, tool calls and typed options (minor: new package).
`;
}

/** Writes the package; returns the folder written and the changeset path (if any). */
export function createProvider(options) {
  const problem = nameProblem(options.name);
  if (problem) throw new UsageError(problem);
  const name = options.name;
  const target = resolve(invocationDirectory(), options.dir ?? join(root, 'packages', name));
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new UsageError(`${target} already exists and is not empty`);
  const envPrefix = options.envPrefix ?? constant(name);
  if (!/^[A-Z][A-Z0-9_]*$/.test(envPrefix))
    throw new UsageError(`--env-prefix "${envPrefix}" must be uppercase letters, digits and underscores`);
  const baseURL = (options.baseURL ?? `https://api.${name}.example/v1`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s'"`\\]+$/.test(baseURL)) throw new UsageError(`--base-url "${baseURL}" is not an http(s) URL`);
  const displayName =
    options.displayName ??
    words(name)
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join(' ');
  if (/['`\\\n]/.test(displayName))
    throw new UsageError('--display-name cannot contain quotes, backslashes or line breaks');
  const tsconfigBase = relative(target, join(root, 'tsconfig.base.json')).split(sep).join('/');
  const readmeLink = relative(target, join(root, 'README.md')).split(sep).join('/');
  const buildScript = relative(target, join(root, 'scripts', 'build-package.mjs'))
    .split(sep)
    .join('/');
  const deriveScript = relative(target, join(root, 'tooling', 'provider-tests', 'derive-expectations.mjs'))
    .split(sep)
    .join('/');

  const written = files({ name, displayName, baseURL, envPrefix, tsconfigBase, buildScript, readmeLink, deriveScript });
  for (const [path, content] of Object.entries(written)) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  let changesetFile;
  if (options.changeset) {
    const folder = resolve(invocationDirectory(), options.changesetDir ?? join(root, '.changeset'));
    changesetFile = join(folder, `${name}.md`);
    if (existsSync(changesetFile)) throw new UsageError(`${changesetFile} already exists`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(changesetFile, changeset(name, displayName));
  }
  return { target, files: Object.keys(written), changesetFile };
}

/**
 * Formats the written source files as `pnpm lint` checks them (the repository's Prettier config), so a new package
 * passes `prettier --check` whatever the length of its name. Skipped where Prettier is not installed.
 */
async function formatWithPrettier(target, written) {
  const prettier = await import('prettier').catch(() => undefined);
  if (prettier === undefined) return;
  for (const path of written) {
    if (!/\.(?:ts|mjs|js)$/.test(path)) continue;
    const file = join(target, path);
    const config = await prettier.resolveConfig(file);
    writeFileSync(file, await prettier.format(readFileSync(file, 'utf8'), { ...config, filepath: file }));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArguments(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
    } else {
      const { target, files: written, changesetFile } = createProvider(options);
      await formatWithPrettier(target, written);
      const shown = relative(invocationDirectory(), target) || '.';
      console.log(`created @rig-ts/${options.name} in ${shown}:`);
      for (const file of written) console.log(`  ${file}`);
      if (changesetFile) console.log(`  ${relative(invocationDirectory(), changesetFile)}`);
      console.log(`
next steps (CONTRIBUTING.md, "Adding a provider"):
  pnpm install
  pnpm turbo run build typecheck test --filter @rig-ts/${options.name}
  pnpm api:update   (records its exports and ${constant(options.name)}_DEFAULTS under api/: review and commit them)
  then set the base URL, key variable and quirks in src/${options.name}-settings.ts from the API's docs, add real
  recordings under tooling/fixtures/data/${options.name}/, derive their table with
  \`pnpm --filter @rig-ts/${options.name} derive-expectations <dirs>\` and replay them with @rig-ts/provider-tests.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`new-provider: ${error.message}\n\n${USAGE}`);
    process.exit(1);
  }
}
