import { AgentBuilder, Message, type Agent, type AssistantContent, type ToolResult, type Usage } from 'rig-ts';
import type { ProviderConnection } from './connect-provider.js';
import { calculatorTool, weatherTool } from './demo-tools.js';
import { formatError } from './format-error.js';
import { formatTable } from './format-table.js';
import { formatUsage } from './format-usage.js';
import { SentimentAnalysis } from './schemas.gen.js';
import { Spinner } from './spinner.js';
import { cyan, dim, red, type OutputStream, type Terminal } from './terminal.js';

/** Which demo the session runs. */
export type ChatMode = 'chat' | 'typed' | 'tools';

/** How a turn ended. */
export type TurnOutcome = 'answered' | 'cancelled' | 'failed';

const PREAMBLES: { readonly [mode in ChatMode]: string } = {
  chat: 'You are a helpful assistant in a terminal chat. Answer concisely, in plain text.',
  typed: 'You analyze the sentiment of texts.',
  tools:
    'You are a helpful assistant in a terminal chat. Use the weather and calculator tools when they help; answer concisely.',
};

function textOf(content: readonly AssistantContent[]): string {
  return content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

function toolResultText(result: ToolResult): string {
  return result.content
    .map((part) =>
      part.type === 'text' ? part.text : part.type === 'json' ? JSON.stringify(part.value) : `[${part.type}]`,
    )
    .join(' ');
}

/**
 * One conversation with one provider: the history, the current model, and a turn at a time — streamed to the
 * terminal with a spinner until the first token, then the usage and latency.
 */
export class ChatSession {
  readonly connection: ProviderConnection;
  readonly mode: ChatMode;
  readonly history: Message[] = [];
  readonly #terminal: Terminal;
  readonly #spinner: Spinner;
  #modelId: string;
  #agent: Agent;

  constructor(connection: ProviderConnection, modelId: string, mode: ChatMode, terminal: Terminal) {
    this.connection = connection;
    this.mode = mode;
    this.#terminal = terminal;
    this.#spinner = new Spinner(terminal.notes);
    this.#modelId = modelId;
    this.#agent = this.#buildAgent();
  }

  get modelId(): string {
    return this.#modelId;
  }

  /** Talks to another model of the same provider from the next turn on; the history is kept. */
  setModel(modelId: string): void {
    this.#modelId = modelId;
    this.#agent = this.#buildAgent();
  }

  clear(): void {
    this.history.length = 0;
  }

  /** Answers one message. Errors are printed as one line; a cancelled turn is left out of the history. */
  async ask(input: string, signal: AbortSignal): Promise<TurnOutcome> {
    try {
      if (this.mode === 'typed') await this.#analyze(input, signal);
      else await this.#stream(input, signal);
      return signal.aborted ? this.#cancelled() : 'answered';
    } catch (error) {
      if (signal.aborted) return this.#cancelled();
      this.#terminal.notes.write(`${red(this.#terminal, 'error:')} ${formatError(error, this.connection.secrets)}\n`);
      return 'failed';
    } finally {
      this.#spinner.stop();
    }
  }

  #cancelled(): TurnOutcome {
    this.#spinner.stop();
    this.#terminal.notes.write(`${dim(this.#terminal, '(cancelled)')}\n`);
    return 'cancelled';
  }

  #buildAgent(): Agent {
    const builder = new AgentBuilder(this.connection.model(this.#modelId)).preamble(PREAMBLES[this.mode]);
    if (this.mode === 'tools') builder.tool(weatherTool).tool(calculatorTool);
    return builder.build();
  }

  async #stream(input: string, signal: AbortSignal): Promise<void> {
    const { answers, notes } = this.#terminal;
    const started = performance.now();
    let firstTokenMs: number | undefined;
    let usage: Usage | undefined;
    let answer = '';
    // The stream whose last line is unfinished: text and reasoning need a new line before anything else.
    let openLine: OutputStream | undefined;
    const write = (stream: OutputStream, text: string) => {
      if (openLine !== undefined && openLine !== stream) openLine.write('\n');
      stream.write(text);
      openLine = text.endsWith('\n') ? undefined : stream;
    };
    const thinking = () => this.#spinner.start(dim(this.#terminal, `${this.#modelId} is thinking…`));
    thinking();
    const stream = await this.#agent.streamChat(input, this.history, { signal });
    const cancel = () => stream.cancel(signal.reason);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      for await (const item of stream) {
        switch (item.type) {
          case 'text':
          case 'reasoning-delta':
            if (item.text === '') break;
            this.#spinner.stop();
            firstTokenMs ??= performance.now() - started;
            if (item.type === 'text') write(answers, item.text);
            else write(notes, dim(this.#terminal, item.text));
            break;
          case 'tool-call':
            this.#spinner.stop();
            if (openLine !== undefined) write(openLine, '\n');
            write(
              notes,
              `${cyan(this.#terminal, '⚙')} ${item.toolCall.function.name}(${JSON.stringify(item.toolCall.function.arguments)})\n`,
            );
            break;
          case 'tool-result':
            write(notes, `  ${dim(this.#terminal, `↳ ${toolResultText(item.toolResult)}`)}\n`);
            thinking();
            break;
          case 'final':
            usage = item.usage;
            answer = textOf(item.response.choice);
            break;
          default:
            break;
        }
      }
    } finally {
      signal.removeEventListener('abort', cancel);
      this.#spinner.stop();
      if (openLine !== undefined) write(openLine, '\n');
    }
    if (signal.aborted) return;
    this.history.push(Message.user(input), Message.assistant(answer));
    notes.write(`${dim(this.#terminal, formatUsage(usage, { firstTokenMs, totalMs: performance.now() - started }))}\n`);
  }

  async #analyze(input: string, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    this.#spinner.start(dim(this.#terminal, `${this.#modelId} is analyzing…`));
    const result = await this.#agent.promptTypedWithDetails(SentimentAnalysis, `Analyze the sentiment of: '${input}'`, {
      signal,
    });
    this.#spinner.stop();
    const properties = SentimentAnalysis.jsonSchema.properties as { [name: string]: { description?: string } };
    const rows = Object.entries(properties).map(([name, property]) => [
      name,
      String(result.value[name as keyof typeof result.value]),
      property.description ?? '',
    ]);
    this.#terminal.answers.write(`${formatTable(['field', 'value', 'description'], rows)}\n`);
    this.#terminal.notes.write(
      `${dim(this.#terminal, formatUsage(result.usage, { totalMs: performance.now() - started }))}\n`,
    );
  }
}
