/** What `rig-sim` was asked for. */
export interface RigSimArguments {
  port: number;
  host: string;
  chunkSize: number | undefined;
  delayMs: number | undefined;
  help: boolean;
}

/** The defaults of `rig-sim`. */
export const RIG_SIM_DEFAULTS = { port: 8787, host: '127.0.0.1' } as const;

export const RIG_SIM_USAGE = `Usage: rig-sim [--port 8787] [--host 127.0.0.1] [--chunk-size <characters>] [--delay-ms <ms>]

Starts the rig-ts provider simulator: OpenAI (Responses, Chat Completions), Anthropic, Gemini and Ollama
wire formats on one loopback server, answered by a deterministic model. Faults per request with the
x-sim-fault header or a model id containing fault-<name>; see the @rig-ts/testkit README.`;

function integer(flag: string, value: string | undefined, minimum: number): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < minimum)
    throw new Error(`${flag} needs an integer of at least ${minimum} (got ${value ?? 'nothing'})`);
  return number;
}

/** Parses `rig-sim`'s command line (`--flag value` or `--flag=value`); throws with a readable message. */
export function parseRigSimArguments(argv: readonly string[]): RigSimArguments {
  const result: RigSimArguments = { ...RIG_SIM_DEFAULTS, chunkSize: undefined, delayMs: undefined, help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [flag, inline] = argument.includes('=')
      ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
      : [argument, undefined];
    const value = () => inline ?? argv[++index];
    switch (flag) {
      case '--port':
      case '-p':
        result.port = integer('--port', value(), 0);
        break;
      case '--host':
        result.host = value() ?? '';
        if (result.host === '') throw new Error('--host needs a value');
        break;
      case '--chunk-size':
        result.chunkSize = integer('--chunk-size', value(), 1);
        break;
      case '--delay-ms':
        result.delayMs = integer('--delay-ms', value(), 0);
        break;
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        throw new Error(`unknown option ${argument}`);
    }
  }
  return result;
}
