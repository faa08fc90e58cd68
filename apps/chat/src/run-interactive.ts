import { createInterface } from 'node:readline';
import type { ChatSession } from './chat-session.js';
import { bold, dim, type Terminal } from './terminal.js';

const HELP = `/help             this list
/history          the conversation so far
/clear            forget the conversation
/model [id]       show the model, or switch to another model of the same provider
/exit             quit (or Ctrl-C twice, or Ctrl-D)
Ctrl-C while an answer streams cancels it.`;

/** Shown after a first Ctrl-C (at the prompt, or cancelling an answer): the next one quits. */
const QUIT_HINT = '(Ctrl-C again or /exit to quit)';

/** Where the interactive chat reads lines and interrupts from. */
export interface InteractiveInput {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the prompt is echoed in a terminal (stdout). */
  output: NodeJS.WritableStream;
  /** Receives SIGINT when the input is not a terminal (a terminal's Ctrl-C comes through readline). */
  process: Pick<NodeJS.Process, 'on' | 'off'>;
}

function describeMessage(message: ChatSession['history'][number]): string {
  const text = message.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join(' ');
  return `${message.role === 'user' ? 'you' : 'assistant'}: ${text}`;
}

/**
 * The interactive chat: reads one line at a time and answers it (lines typed meanwhile wait their turn). Ctrl-C
 * cancels the answer being streamed; a second Ctrl-C in a row, `/exit` or the end of the input quits. Resolves when
 * the chat is over.
 */
export function runInteractive(session: ChatSession, terminal: Terminal, io: InteractiveInput): Promise<void> {
  const interactiveTerminal = io.input.isTTY === true;
  const readline = createInterface({
    input: io.input,
    output: io.output,
    terminal: interactiveTerminal,
    historySize: 100,
  });
  readline.setPrompt(`${bold(terminal, '›')} `);
  const note = (text: string) => terminal.notes.write(`${dim(terminal, text)}\n`);
  const queue: string[] = [];
  let current: AbortController | undefined;
  let interruptedOnce = false;
  let inputEnded = false;
  let quitting = false;
  let wake: (() => void) | undefined;

  const prompt = () => {
    if (interactiveTerminal && !quitting) readline.prompt();
  };
  const quit = () => {
    quitting = true;
    current?.abort(new DOMException('The chat was closed', 'AbortError'));
    wake?.();
  };
  const onInterrupt = () => {
    if (current !== undefined) {
      current.abort(new DOMException('Cancelled with Ctrl-C', 'AbortError'));
      interruptedOnce = true;
      return;
    }
    if (interactiveTerminal && readline.line !== '') {
      // Like a shell: Ctrl-C drops the line being typed.
      readline.write('', { ctrl: true, name: 'e' });
      readline.write('', { ctrl: true, name: 'u' });
      interruptedOnce = false;
      return;
    }
    if (interruptedOnce) {
      if (interactiveTerminal) terminal.notes.write('\n');
      quit();
      return;
    }
    interruptedOnce = true;
    if (interactiveTerminal) terminal.notes.write('\n');
    note(QUIT_HINT);
    prompt();
  };

  readline.on('line', (line) => {
    interruptedOnce = false;
    queue.push(line);
    wake?.();
  });
  readline.on('SIGINT', onInterrupt);
  io.process.on('SIGINT', onInterrupt);
  readline.on('close', () => {
    inputEnded = true;
    wake?.();
  });

  const handleCommand = (line: string): void => {
    const [command, ...rest] = line.split(/\s+/);
    const argument = rest.join(' ').trim();
    switch (command) {
      case '/exit':
      case '/quit':
        quit();
        return;
      case '/help':
        note(HELP);
        return;
      case '/history':
        if (session.mode === 'typed')
          note('(the sentiment demo keeps no history: each message is analyzed on its own)');
        else if (session.history.length === 0) note('(no messages yet)');
        else for (const message of session.history) terminal.answers.write(`${describeMessage(message)}\n`);
        return;
      case '/clear':
        session.clear();
        note('(history cleared)');
        return;
      case '/model':
        if (argument === '') note(`${session.connection.title} · ${session.modelId}`);
        else {
          session.setModel(argument);
          note(`(now using ${argument} on ${session.connection.title})`);
        }
        return;
      default:
        note(`unknown command ${command}: /help lists the commands`);
    }
  };

  const loop = async () => {
    prompt();
    for (;;) {
      if (quitting) break;
      const line = queue.shift();
      if (line === undefined) {
        if (inputEnded) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const text = line.trim();
      if (text === '') {
        prompt();
        continue;
      }
      if (text.startsWith('/')) handleCommand(text);
      else {
        current = new AbortController();
        const outcome = await session.ask(text, current.signal);
        current = undefined;
        // The Ctrl-C that cancelled the answer counts: the next one quits, so say so.
        if (outcome === 'cancelled' && interruptedOnce && !quitting) note(QUIT_HINT);
      }
      prompt();
    }
    // Ctrl-D (the end of the input) leaves the cursor after the prompt: end its line before the shell's prompt.
    if (interactiveTerminal && inputEnded && !quitting) io.output.write('\n');
    io.process.off('SIGINT', onInterrupt);
    readline.close();
  };
  return loop();
}
