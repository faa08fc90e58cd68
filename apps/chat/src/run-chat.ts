import { ChatSession, type ChatMode } from './chat-session.js';
import { chooseProvider, type ProbeOllama } from './choose-provider.js';
import { connectProvider, type ProviderConnection } from './connect-provider.js';
import { formatError } from './format-error.js';
import { CHAT_USAGE, parseChatArguments, type ChatArguments } from './parse-chat-arguments.js';
import { probeOllama } from './probe-ollama.js';
import { runInteractive, type InteractiveInput } from './run-interactive.js';
import { bold, createTerminal, dim, red, type OutputStream, type Terminal } from './terminal.js';

/** What the app runs with: the process's streams and environment (or a test's). */
export interface ChatIo extends InteractiveInput {
  stdout: OutputStream;
  stderr: OutputStream;
  environment: { [name: string]: string | undefined };
  probeOllama?: ProbeOllama;
}

/** Exit codes: 0 answered or quit, 1 the answer failed, 2 a bad command line, 130 cancelled with Ctrl-C. */
export type ChatExitCode = 0 | 1 | 2 | 130;

const MODE_NOTES: { readonly [mode in ChatMode]: string | undefined } = {
  chat: undefined,
  typed:
    'Sentiment demo: each message is analyzed into a { score, label } validated against SentimentAnalysis, a schema generated from a TypeScript interface.',
  tools:
    'Tool demo: the model may call a weather and a calculator tool — ask "What is the weather in Paris?" or "calculator: 6 times 7".',
};

function banner(
  terminal: Terminal,
  connection: ProviderConnection,
  modelId: string,
  reason: string,
  interactive: boolean,
  mode: ChatMode,
): string {
  const lines: string[] = [];
  if (connection.provider === 'sim') {
    lines.push(`Using ${bold(terminal, 'the built-in simulator')} (${reason}): its answers are canned, not a model's.`);
    lines.push(
      'For a real model, set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY, or start Ollama, or pass --provider openai|anthropic|gemini|ollama.',
    );
  } else {
    lines.push(
      `Using ${bold(terminal, `${connection.title} · ${modelId}`)} (${reason}). --provider and --model switch; --provider sim uses the built-in simulator.`,
    );
  }
  const modeNote = MODE_NOTES[mode];
  if (modeNote !== undefined) lines.push(modeNote);
  if (interactive)
    lines.push('Type a message and press Enter. /help lists the commands; Ctrl-C cancels an answer, twice quits.');
  return lines.map((line) => dim(terminal, line)).join('\n');
}

/** The chat app: parses the command line, picks the provider, then answers once or chats. Returns the exit code. */
export async function runChat(argv: readonly string[], io: ChatIo): Promise<ChatExitCode> {
  const terminal = createTerminal(io.stdout, io.stderr, io.environment);
  let options: ChatArguments;
  try {
    options = parseChatArguments(argv);
  } catch (error) {
    io.stderr.write(`${red(terminal, 'error:')} ${(error as Error).message}\n\n${CHAT_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${CHAT_USAGE}\n`);
    return 0;
  }
  const mode: ChatMode = options.typed ? 'typed' : options.tools ? 'tools' : 'chat';
  const choice = await chooseProvider(options, io.environment, io.probeOllama ?? probeOllama);
  let connection: ProviderConnection;
  try {
    connection = await connectProvider(choice.provider, io.environment, { simDelayMs: options.simDelayMs });
  } catch (error) {
    io.stderr.write(`${red(terminal, 'error:')} cannot start ${choice.provider}: ${formatError(error)}\n`);
    return 1;
  }
  const interactive = options.question === undefined;
  io.stderr.write(`${banner(terminal, connection, choice.model, choice.reason, interactive, mode)}\n`);
  const session = new ChatSession(connection, choice.model, mode, terminal);
  try {
    if (interactive) {
      await runInteractive(session, terminal, io);
      return 0;
    }
    const controller = new AbortController();
    const cancel = () => controller.abort(new DOMException('Cancelled with Ctrl-C', 'AbortError'));
    io.process.on('SIGINT', cancel);
    try {
      const outcome = await session.ask(options.question!, controller.signal);
      return outcome === 'answered' ? 0 : outcome === 'cancelled' ? 130 : 1;
    } finally {
      io.process.off('SIGINT', cancel);
    }
  } finally {
    await connection.close();
  }
}
