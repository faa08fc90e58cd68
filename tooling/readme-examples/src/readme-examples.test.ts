// The READMEs' code examples are the files beside this test, word for word: type-checked with the package
// (`pnpm typecheck`), run here against the provider simulator, and compared with the READMEs' text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatedAnswer } from '@rig-ts/testkit';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCodeBlocks } from './read-code-blocks.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  simulator.reset();
});

/** Runs an example module with OPENAI_API_KEY and OPENAI_BASE_URL on the simulator; returns what it printed. */
async function run(module: string): Promise<{ logged: string[]; written: string }> {
  vi.stubEnv('OPENAI_API_KEY', 'sk-readme-example');
  vi.stubEnv('OPENAI_BASE_URL', simulator.baseURLs.openai);
  const logged: string[] = [];
  let written = '';
  vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => void logged.push(values.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  await import(module);
  vi.restoreAllMocks();
  return { logged, written };
}

describe('the examples are the READMEs’ text', () => {
  it.each([
    ['README.md', 0, 'root-readme-example.ts'],
    ['packages/agent/README.md', 0, 'agent-readme-example.ts'],
    ['packages/agent/README.md', 2, 'agent-readme-json-schema-example.ts'],
  ])('%s, TypeScript block %i, is src/%s', (readme, index, file) => {
    expect(readCodeBlocks(join(ROOT, readme))[index]).toBe(source(file));
  });

  it("the agent README's src/schemas.ts is this package's (the build generates schemas.gen.ts from it)", () => {
    expect(source('schemas.ts').endsWith(readCodeBlocks(join(ROOT, 'packages/agent/README.md'))[1]!)).toBe(true);
  });
});

describe('the examples run', () => {
  it('the root README: prompt, chat with a history, a configured request whose text is read, a stream', async () => {
    const { logged, written } = await run('./root-readme-example.js');
    expect(logged).toEqual([
      simulatedAnswer('Explain quantum computing'),
      simulatedAnswer('What else did he write?'),
      simulatedAnswer('Summarize our discussion'),
    ]);
    expect(written).toBe(simulatedAnswer('Tell me a story'));
    const history = [
      { role: 'user', content: 'Who wrote Dune?' },
      { role: 'assistant', content: 'Frank Herbert, in 1965.' },
    ];
    expect(
      simulator.requests.map((request) => [request.url, request.model, request.stream, request.headers.authorization]),
    ).toEqual([
      ['/v1/responses', 'gpt-4o', false, 'Bearer sk-readme-example'],
      ['/v1/responses', 'gpt-4o', false, 'Bearer sk-readme-example'],
      ['/v1/responses', 'gpt-4o', false, 'Bearer sk-readme-example'],
      ['/v1/responses', 'gpt-4o', true, 'Bearer sk-readme-example'],
    ]);
    expect(simulator.requests[1]!.body).toMatchObject({
      input: [...history, { role: 'user', content: 'What else did he write?' }],
    });
    expect(simulator.requests[2]!.body).toMatchObject({
      instructions: 'You are a literary expert.',
      temperature: 0.8,
      max_output_tokens: 200,
      input: [...history, { role: 'user', content: 'Summarize our discussion' }],
    });
  });

  it('the agent README: the tool gets the city, the answer comes from its result', async () => {
    const { logged } = await run('./agent-readme-example.js');
    expect(logged).toEqual(['The weather tool returned: Sunny in Paris']);
    expect(simulator.requests).toHaveLength(2);
    expect(simulator.requests[0]!.body).toMatchObject({
      instructions: 'You are a helpful assistant.',
      tools: [
        {
          type: 'function',
          name: 'weather',
          parameters: {
            description: 'The arguments of the weather tool.',
            type: 'object',
            properties: { city: { description: 'The city, e.g. Paris', type: 'string' } },
            required: ['city'],
          },
        },
      ],
    });
  });
});
