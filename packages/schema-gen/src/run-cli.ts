import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expandGlobs } from './expand-globs.js';
import { generateSchemas } from './generate-schemas.js';

const USAGE = `Usage: rig-schema <files or globs…> -o <out.ts> [--type Name …] [--no-extra-props] [--tsconfig tsconfig.json] [--check]

Generates a TypeScript module with one TypedSchema constant (name, JSON Schema and an ahead-of-time compiled
validator) per exported interface or type alias of the input files.

  -o, --out <file>     the module to write (required)
  -t, --type <Name>    generate only this type (repeatable)
  --no-extra-props     reject properties a type does not declare (additionalProperties: false)
  --tsconfig <file>    read the sources with this tsconfig's compiler options
  --check              write nothing; exit 1 when the module is missing or out of date
  -h, --help           show this help`;

/** Parsed command-line arguments. */
export interface CliArguments {
  patterns: string[];
  output: string | undefined;
  types: string[];
  noExtraProps: boolean;
  tsconfig: string | undefined;
  check: boolean;
  help: boolean;
}

/** Parses `rig-schema`'s arguments. @throws {Error} on an unknown option or a missing value. */
export function parseArguments(argv: readonly string[]): CliArguments {
  const parsed: CliArguments = {
    patterns: [],
    output: undefined,
    types: [],
    noExtraProps: false,
    tsconfig: undefined,
    check: false,
    help: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = (): string => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('-')) throw new Error(`${argument} needs a value`);
      return next;
    };
    if (argument === '-o' || argument === '--out') parsed.output = value();
    else if (argument === '-t' || argument === '--type') parsed.types.push(value());
    else if (argument === '--no-extra-props') parsed.noExtraProps = true;
    else if (argument === '--tsconfig') parsed.tsconfig = value();
    else if (argument === '--check') parsed.check = true;
    else if (argument === '-h' || argument === '--help') parsed.help = true;
    else if (argument.startsWith('-')) throw new Error(`unknown option ${argument}`);
    else parsed.patterns.push(argument);
  }
  return parsed;
}

/** Runs `rig-schema`; returns the exit code. */
export function runCli(
  argv: readonly string[],
  io: { stdout: (text: string) => void; stderr: (text: string) => void; cwd: string },
): number {
  let parsed: CliArguments;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    io.stderr(`rig-schema: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.patterns.length === 0 || parsed.output === undefined) {
    io.stderr(
      `rig-schema: ${parsed.output === undefined ? 'the output file (-o) is missing' : 'no input files'}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const outputPath = resolve(io.cwd, parsed.output);
  const files = expandGlobs(parsed.patterns, io.cwd).filter((file) => resolve(io.cwd, file) !== outputPath);
  if (files.length === 0) {
    io.stderr(`rig-schema: no file matches ${parsed.patterns.join(' ')}\n`);
    return 1;
  }
  try {
    const { code, schemas } = generateSchemas({
      files,
      output: parsed.output,
      cwd: io.cwd,
      noExtraProps: parsed.noExtraProps,
      ...(parsed.types.length > 0 ? { types: parsed.types } : {}),
      ...(parsed.tsconfig === undefined ? {} : { tsconfig: parsed.tsconfig }),
    });
    let current: string | undefined;
    try {
      current = readFileSync(outputPath, 'utf8');
    } catch {
      current = undefined;
    }
    if (parsed.check) {
      if (current === code) {
        io.stdout(`${parsed.output} is up to date (${schemas.length} schemas)\n`);
        return 0;
      }
      io.stderr(`${parsed.output} is ${current === undefined ? 'missing' : 'out of date'}: run rig-schema again\n`);
      return 1;
    }
    if (current !== code) {
      mkdirSync(dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, code);
    }
    io.stdout(`${parsed.output}: ${schemas.map((schema) => schema.typeName).join(', ')}\n`);
    return 0;
  } catch (error) {
    io.stderr(`rig-schema: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
