/** The providers the app can talk to; `sim` is the built-in simulator. */
export const PROVIDER_NAMES = ['openai', 'anthropic', 'gemini', 'ollama', 'sim'] as const;

export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** What the command line asked for. */
export interface ChatArguments {
  provider: ProviderName | undefined;
  model: string | undefined;
  /** The sentiment demo: answers are `SentimentAnalysis` values, printed as a table. */
  typed: boolean;
  /** The tool-calling demo: an agent with a weather and a calculator tool. */
  tools: boolean;
  /** Pause between the simulator's streamed frames, in ms. */
  simDelayMs: number | undefined;
  /** The question of one-shot mode (the positional arguments, joined); interactive when absent. */
  question: string | undefined;
  help: boolean;
}

export const CHAT_USAGE = `Usage: pnpm start [-- [options] ["question"]]

With a question, answers it and exits; without one, opens an interactive chat.

  --provider <name>    openai | anthropic | gemini | ollama | sim (default: the first API key found in the
                       environment, else Ollama on 127.0.0.1:11434 if it answers, else the built-in simulator)
  --model <id>         the model (default: one per provider, e.g. gpt-4o-mini)
  --typed              the sentiment demo: each message is analyzed into { score, label }, shown as a table
  --tools              the tool-calling demo: an agent with a weather and a calculator tool
  --sim-delay-ms <ms>  pause between the simulator's streamed frames (default 25)
  -h, --help           show this help

In the chat: /help, /history, /clear, /model [id], /exit. Ctrl-C cancels the answer; twice, or Ctrl-D, quits.`;

function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/**
 * Parses the app's command line (`--flag value` or `--flag=value`); throws an `Error` with a readable message.
 * A leading `--` is dropped: pnpm passes on the one in `pnpm start -- --typed "question"`. A later `--` ends the
 * options (`-- --not-a-flag` asks about "--not-a-flag").
 */
export function parseChatArguments(argv: readonly string[]): ChatArguments {
  const result: ChatArguments = {
    provider: undefined,
    model: undefined,
    typed: false,
    tools: false,
    simDelayMs: undefined,
    question: undefined,
    help: false,
  };
  const words: string[] = [];
  let optionsEnded = false;
  for (let index = argv[0] === '--' ? 1 : 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (optionsEnded || !argument.startsWith('-') || argument === '-') {
      words.push(argument);
      continue;
    }
    if (argument === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    const value = (): string => {
      const next = equals === -1 ? argv[++index] : argument.slice(equals + 1);
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--provider': {
        const provider = value();
        if (!isProviderName(provider))
          throw new Error(`unknown provider "${provider}": use one of ${PROVIDER_NAMES.join(', ')}`);
        result.provider = provider;
        break;
      }
      case '--model':
        result.model = value();
        break;
      case '--typed':
        result.typed = true;
        break;
      case '--tools':
        result.tools = true;
        break;
      case '--sim-delay-ms': {
        const text = value();
        const number = Number(text);
        if (!Number.isInteger(number) || number < 0)
          throw new Error(`--sim-delay-ms needs a whole number of milliseconds (got ${text})`);
        result.simDelayMs = number;
        break;
      }
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        throw new Error(`unknown option ${argument}`);
    }
  }
  if (result.typed && result.tools) throw new Error('--typed and --tools are two separate demos: pick one');
  const question = words.join(' ').trim();
  if (question !== '') result.question = question;
  return result;
}
