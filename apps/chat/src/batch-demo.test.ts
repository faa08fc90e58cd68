import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../scripts/batch-demo.mjs', import.meta.url));
const run = promisify(execFile);

async function demo(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [DEMO, ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('scripts/batch-demo.mjs', () => {
  it('runs a batch end to end on each provider against the simulator: progress, results with the failed line, a resume', async () => {
    const { code, stdout, stderr } = await demo([
      '--count',
      '3',
      '--fail',
      'q2',
      '--delay-ms',
      '400',
      '--poll-ms',
      '100',
    ]);
    expect([code, stderr]).toEqual([0, '']);
    for (const [name, failure] of [
      ['openai', 'OpenAI answered batch request "q2" with HTTP 500: The server had an error while processing your…'],
      ['anthropic', 'Anthropic reported api_error: Internal server error (x-sim-batch-fail).'],
      ['gemini', 'Gemini could not run batch request "q2" (INTERNAL): Internal error encountered (x-sim-batch-fai…'],
    ] as const) {
      const section = stdout
        .slice(stdout.indexOf(`\n${name} (`))
        .split('\n\n')[0]!
        .trim()
        .split('\n');
      expect(section[1]).toMatch(/^ {2}submitted \S+: 3 requests, (validating|in-progress)$/);
      const statuses = section.find((line) => line.includes('→'))!;
      expect(statuses.trim()).toMatch(/ → completed 3\/3$/);
      const results = section.filter((line) => /^ {2}[✓✗] /.test(line));
      expect(results.map((line) => line.slice(2, 7)).sort()).toEqual(['✓ q1 ', '✓ q3 ', '✗ q2 ']);
      expect(results.find((line) => line.startsWith('  ✗ q2'))).toBe(`  ✗ q2  ${failure}`);
      expect(results.find((line) => line.startsWith('  ✓ q1'))).toBe(
        '  ✓ q1  You said: "Classify this review as positive or negative: I love…',
      );
      expect(section.at(-1)).toMatch(/^ {2}resumed \S+ with getBatch: completed, 2 succeeded, 1 failed \(2 read\)$/);
    }
  });

  it('cancels halfway on --cancel, and refuses a bad option', async () => {
    const { code, stdout } = await demo([
      '--provider',
      'anthropic',
      '--count',
      '4',
      '--delay-ms',
      '4000',
      '--poll-ms',
      '100',
      '--cancel',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/cancelling 0\/4 → cancelled 4\/4/);
    expect(stdout).toMatch(/✗ q4 {2}Anthropic did not run batch request "q4": the batch was cancelled/);
    expect(stdout).toMatch(/with getBatch: cancelled, \d succeeded, \d failed/);
    expect(await demo(['--poll-ms', '0'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'batch-demo: --poll-ms takes a whole number of at least 100 (got "0")\n',
    });
  });
});
