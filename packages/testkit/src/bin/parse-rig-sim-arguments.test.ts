import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRigSimArguments } from './parse-rig-sim-arguments.js';

describe('parseRigSimArguments', () => {
  it('defaults to 127.0.0.1:8787', () => {
    expect(parseRigSimArguments([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      chunkSize: undefined,
      delayMs: undefined,
      help: false,
    });
  });

  it('reads --flag value and --flag=value', () => {
    expect(parseRigSimArguments(['--port', '9000', '--host=0.0.0.0', '--chunk-size=3', '--delay-ms', '25'])).toEqual({
      port: 9000,
      host: '0.0.0.0',
      chunkSize: 3,
      delayMs: 25,
      help: false,
    });
    expect(parseRigSimArguments(['-h']).help).toBe(true);
  });

  it('rejects unknown options and bad numbers', () => {
    expect(() => parseRigSimArguments(['--verbose'])).toThrow('unknown option --verbose');
    expect(() => parseRigSimArguments(['--port', 'x'])).toThrow('--port needs an integer of at least 0 (got x)');
    expect(() => parseRigSimArguments(['--port'])).toThrow('--port needs an integer of at least 0 (got nothing)');
    expect(() => parseRigSimArguments(['--chunk-size=0'])).toThrow(
      '--chunk-size needs an integer of at least 1 (got 0)',
    );
  });
});

describe('rig-sim', () => {
  it('starts, prints the base URLs, answers, and stops on SIGTERM', async () => {
    // The bin runs as users run it: package.json's bin entry, which runs the built file (turbo builds before testing).
    const built = fileURLToPath(new URL('../../dist/bin/rig-sim.js', import.meta.url));
    if (!existsSync(built)) throw new Error(`build the package first: ${built} is missing`);
    const bin = fileURLToPath(new URL('../../bin/rig-sim.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes('Ctrl-C stops.')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`rig-sim exited with ${code}: ${output}`)));
    });
    expect(output).toContain(`  openai     baseURL ${url}/v1   (POST /responses, /chat/completions)`);
    expect(output).toContain(`  gemini     baseURL ${url}/v1beta`);
    expect(await (await fetch(`${url}/`)).text()).toBe('Ollama is running');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with the usage on a bad option', async () => {
    const built = fileURLToPath(new URL('../../dist/bin/rig-sim.js', import.meta.url));
    const child = spawn(process.execPath, [built, '--nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(errors.startsWith('rig-sim: unknown option --nope\n\nUsage: rig-sim [--port 8787]')).toBe(true);
  });
});
