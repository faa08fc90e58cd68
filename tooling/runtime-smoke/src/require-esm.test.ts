// The packages are ES modules; where Node can require() an ES module (20.19+, 22.12+), a CommonJS program loads them
// through their exports maps (the `default` condition) and uses them. Run under Node 20 (the system's) and Node 22.
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';
import { locateServerRuntimes } from './test-utils/locate-runtimes.js';

const PACKAGE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));

// CommonJS (`node -e` runs a script as CommonJS), resolved from this package's dependencies as a user's program would.
const PROGRAM = `
const openai = require('@rig-ts/openai');
const anthropic = require('@rig-ts/anthropic');
const rig = require('rig-ts');
const typed = require('@rig-ts/typed');
const ajv = require('@rig-ts/typed/ajv');
const { createSimulatorFetch } = require('@rig-ts/testkit');
const model = new openai.Client({ apiKey: 'sk-require', baseURL: process.env.SIMULATOR_URL + '/v1' }).completionModel('gpt-4o');
model.prompt('Say hello').then((text) => {
  console.log(JSON.stringify({
    node: process.versions.node.split('.')[0],
    requireModule: process.features.require_module === true,
    exports: {
      openai: [typeof openai.Client, typeof openai.chatCompletionsModel],
      anthropic: typeof anthropic.Client,
      rig: [typeof rig.AgentBuilder, typeof rig.Message.user, rig.CompletionError.isInstance(new rig.CompletionError({ kind: 'json', message: 'x' }))],
      typed: typeof typed.promptTyped,
      ajv: ajv.jsonSchema({ type: 'string' }).validate('text').success,
      testkit: typeof createSimulatorFetch,
    },
    answered: typeof text === 'string' && text.length > 0,
  }));
}, (error) => { console.error(error); process.exitCode = 1; });
`;

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator?.close();
});

describe.each([
  ['Node 20', 'node20', '20'],
  ['Node 22', 'node22', '22'],
] as const)('require() of the packages under %s', (_label, key, major) => {
  it('loads every entry point used through its exports map and answers a prompt', async () => {
    const runtime = locateServerRuntimes()[key];
    simulator.reset();
    const result = await runCommand(runtime.command, ['-e', PROGRAM], {
      cwd: PACKAGE_DIRECTORY,
      env: { ...process.env, SIMULATOR_URL: simulator.url, NO_COLOR: '1' },
      timeoutMs: 60_000,
    });
    const report = `${runtime.command} exited with ${result.code ?? result.signal}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
    expect(result.code, report).toBe(0);
    expect(result.stderr, report).not.toMatch(/ExperimentalWarning|ERR_REQUIRE_ESM/);
    expect(JSON.parse(result.stdout), report).toEqual({
      node: major,
      requireModule: true,
      exports: {
        openai: ['function', 'function'],
        anthropic: 'function',
        rig: ['function', 'function', true],
        typed: 'function',
        ajv: true,
        testkit: 'function',
      },
      answered: true,
    });
    expect(simulator.requests.map(({ method, url, api }) => ({ method, url, api }))).toEqual([
      { method: 'POST', url: '/v1/responses', api: 'openai-responses' },
    ]);
  });
});
