// The app end to end, as a user runs it: the bundled dist/chat.js under node, talking to the simulator (in-process,
// or a test's own for the real providers' wire formats), through pipes.
import { simulatedAnswer } from '@rig-ts/testkit';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeWeather } from './demo-tools.js';
import { CHAT_USAGE } from './parse-chat-arguments.js';
import { CHAT_BIN, cleanEnvironment, spawnChat } from './test-utils/spawn-chat.js';

const SIM_BANNER = [
  "Using the built-in simulator (--provider sim): its answers are canned, not a model's.",
  'For a real model, set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY, or start Ollama, or pass --provider openai|anthropic|gemini|ollama.',
];
const INTERACTIVE_HINT =
  'Type a message and press Enter. /help lists the commands; Ctrl-C cancels an answer, twice quits.';
const TOOLS_NOTE =
  'Tool demo: the model may call a weather and a calculator tool — ask "What is the weather in Paris?" or "calculator: 6 times 7".';
const DURATION = String.raw`(?:\d+ ms|\d+\.\d\d s)`;

/** The usage line after a streamed answer; checks the sum and returns the counts. */
function usageOf(line: string | undefined): { prompt: number; completion: number } {
  const match = new RegExp(
    String.raw`^(\d+) prompt \+ (\d+) completion = (\d+) tokens · first token ${DURATION} · total ${DURATION}$`,
  ).exec(line ?? '');
  if (!match) throw new Error(`not a usage line: ${line}`);
  const [prompt, completion, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  expect(prompt + completion).toBe(total);
  return { prompt, completion };
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('one question (pnpm start -- "question")', () => {
  it('streams the simulator answer to stdout, says which provider it uses, then the usage and latency; exits 0', async () => {
    const chat = spawnChat(['--provider', 'sim', '--sim-delay-ms', '20', 'hello'], await cleanEnvironment());
    expect(await chat.exited).toBe(0);
    const answer = simulatedAnswer('hello');
    expect(chat.stdout).toBe(`${answer}\n`);
    // Streamed: the answer arrived in several pieces, word by word.
    expect(chat.stdoutChunks.length).toBeGreaterThan(3);
    const notes = lines(chat.stderr);
    expect(notes.slice(0, 2)).toEqual(SIM_BANNER);
    expect(notes).toHaveLength(3);
    expect(usageOf(notes[2]).completion).toBe(Math.ceil(answer.length / 4));
  });

  it('without a key or an Ollama server, picks the simulator and says why', async () => {
    const environment = await cleanEnvironment();
    const chat = spawnChat(['hello'], environment);
    expect(await chat.exited).toBe(0);
    expect(chat.stdout).toBe(`${simulatedAnswer('hello')}\n`);
    expect(lines(chat.stderr)[0]).toBe(
      `Using the built-in simulator (no API key in the environment, no Ollama on http://${environment.OLLAMA_HOST}): its answers are canned, not a model's.`,
    );
  });

  it('prints the typed demo (pnpm start -- --typed "I love this product!") as a table of validated fields that fit the text', async () => {
    const chat = spawnChat(['--provider', 'sim', '--typed', 'I love this product!'], await cleanEnvironment());
    expect(await chat.exited).toBe(0);
    // The simulator answers with an instance of the requested schema whose values fit the text: a positive sentiment.
    expect(chat.stdout).toBe(
      [
        '┌───────┬──────────┬──────────────────────────────────────┐',
        '│ field │ value    │ description                          │',
        '├───────┼──────────┼──────────────────────────────────────┤',
        '│ score │ 0.75     │ The sentiment score from -1.0 to 1.0 │',
        '│ label │ positive │ The sentiment label                  │',
        '└───────┴──────────┴──────────────────────────────────────┘',
        '',
      ].join('\n'),
    );
    const notes = lines(chat.stderr);
    expect(notes[2]).toBe(
      'Sentiment demo: each message is analyzed into a { score, label } validated against SentimentAnalysis, a schema generated from a TypeScript interface.',
    );
    expect(notes[3]).toMatch(new RegExp(String.raw`^\d+ prompt \+ \d+ completion = \d+ tokens · total ${DURATION}$`));
    // A negative text gets a negative label, not the same canned one.
    const negative = spawnChat(
      ['--provider', 'sim', '--typed', 'This is the worst product, I hate it!'],
      await cleanEnvironment(),
    );
    expect(await negative.exited).toBe(0);
    expect(lines(negative.stdout).slice(3, 5)).toEqual([
      '│ score │ -0.83    │ The sentiment score from -1.0 to 1.0 │',
      '│ label │ negative │ The sentiment label                  │',
    ]);
  });

  it('runs the tool demo (pnpm start -- --tools "What is the weather in Paris?"): the weather of the city named', async () => {
    const chat = spawnChat(['--provider', 'sim', '--tools', 'What is the weather in Paris?'], await cleanEnvironment());
    expect(await chat.exited).toBe(0);
    // The simulator calls the tool the prompt names, with the city the prompt names; the app runs it and shows both.
    expect(chat.stdout).toBe(`The weather tool returned: ${fakeWeather('Paris')}\n`);
    const notes = lines(chat.stderr);
    expect(notes.slice(2, 5)).toEqual([TOOLS_NOTE, '⚙ weather({"city":"Paris"})', `  ↳ ${fakeWeather('Paris')}`]);
    expect(fakeWeather('Paris')).toMatch(/^Paris: /);
    usageOf(notes[5]);
  });

  it('runs the banner\'s calculator example: "calculator: 6 times 7" multiplies 6 by 7 and gives 42', async () => {
    const chat = spawnChat(['--provider', 'sim', '--tools', 'calculator: 6 times 7'], await cleanEnvironment());
    expect(await chat.exited).toBe(0);
    expect(chat.stdout).toBe('The calculator tool returned: 42\n');
    const notes = lines(chat.stderr);
    expect(notes.slice(2, 5)).toEqual([TOOLS_NOTE, '⚙ calculator({"operation":"multiply","a":6,"b":7})', '  ↳ 42']);
    usageOf(notes[5]);
  });

  it('shows a failed answer as one line with the provider message, exits 1', async () => {
    const chat = spawnChat(['--provider', 'sim', '--model', 'rig-sim-fault-503', 'hello'], await cleanEnvironment());
    expect(await chat.exited).toBe(1);
    expect(chat.stdout).toBe('');
    const notes = lines(chat.stderr);
    expect(notes).toHaveLength(3);
    expect(notes[2]).toMatch(
      /^error: OpenAI returned HTTP 503 Service Unavailable for POST http:\/\/127\.0\.0\.1:\d+\/v1\/responses: Service unavailable \(simulated fault 503\)$/,
    );
  });

  it("shows the simulator's bad-key and unknown-model faults as the provider's own message, naming the model", async () => {
    const badKey = spawnChat(['--provider', 'sim', '--model', 'rig-sim-fault-401', 'hello'], await cleanEnvironment());
    expect(await badKey.exited).toBe(1);
    expect(lines(badKey.stderr)[2]).toMatch(
      /^error: OpenAI returned HTTP 401 Unauthorized for POST http:\/\/127\.0\.0\.1:\d+\/v1\/responses: Incorrect API key provided\. You can find your API key at https:\/\/platform\.openai\.com\/account\/api-keys\. \(simulated fault 401\)$/,
    );
    const unknownModel = spawnChat(
      ['--provider', 'sim', '--model', 'rig-sim-fault-404', 'hello'],
      await cleanEnvironment(),
    );
    expect(await unknownModel.exited).toBe(1);
    expect(lines(unknownModel.stderr)[2]).toMatch(
      /: The model `rig-sim` does not exist or you do not have access to it\. \(simulated fault 404\)$/,
    );
    const unknownFault = spawnChat(
      ['--provider', 'sim', '--model', 'rig-sim-fault-418', 'hello'],
      await cleanEnvironment(),
    );
    expect(await unknownFault.exited).toBe(1);
    expect(lines(unknownFault.stderr)[2]).toMatch(
      /HTTP 400 Bad Request .*: unknown simulator fault "418" in the model id "rig-sim-fault-418": use one of 400, 401, 404, /,
    );
  });

  it('rejects an unknown option with the usage, exits 2', async () => {
    const chat = spawnChat(['--provider', 'mistral', 'hello'], await cleanEnvironment());
    expect(await chat.exited).toBe(2);
    expect(chat.stderr).toBe(
      `error: unknown provider "mistral": use one of openai, anthropic, gemini, ollama, sim\n\n${CHAT_USAGE}\n`,
    );
  });

  it('cancels the answer on Ctrl-C (SIGINT) and exits 130', async () => {
    const chat = spawnChat(['--provider', 'sim', '--sim-delay-ms', '150', 'hello'], await cleanEnvironment());
    await chat.waitFor('stdout', (text) => text.startsWith('You said'));
    chat.child.kill('SIGINT');
    expect(await chat.exited).toBe(130);
    expect(chat.stdout.length).toBeLessThan(simulatedAnswer('hello').length);
    expect(lines(chat.stderr).slice(2)).toEqual(['(cancelled)']);
  });
});

describe('provider choice from the environment, through each real provider package', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  const cases = [
    {
      variable: 'OPENAI_API_KEY',
      baseURL: 'OPENAI_BASE_URL',
      api: 'openai-responses',
      title: 'OpenAI · gpt-4o-mini',
      header: 'authorization',
      sent: (key: string) => `Bearer ${key}`,
    },
    {
      variable: 'ANTHROPIC_API_KEY',
      baseURL: 'ANTHROPIC_BASE_URL',
      api: 'anthropic',
      title: 'Anthropic · claude-haiku-4-5',
      header: 'x-api-key',
      sent: (key: string) => key,
    },
    {
      variable: 'GEMINI_API_KEY',
      baseURL: 'GEMINI_BASE_URL',
      api: 'gemini',
      title: 'Gemini · gemini-2.5-flash',
      header: 'x-goog-api-key',
      sent: (key: string) => key,
    },
  ] as const;

  for (const { variable, baseURL, api, title, header, sent } of cases) {
    it(`uses the key in ${variable}, and never prints it`, async () => {
      simulator.reset();
      const key = `test-key-${variable.toLowerCase()}-0123456789`;
      const urls = simulator.baseURLs;
      const chat = spawnChat(
        ['hello'],
        await cleanEnvironment({ [variable]: key, [baseURL]: api === 'gemini' ? urls.gemini : urls.openai }),
      );
      expect(await chat.exited).toBe(0);
      expect(chat.stdout).toBe(`${simulatedAnswer('hello')}\n`);
      expect(lines(chat.stderr)[0]).toBe(
        `Using ${title} (${variable} is set). --provider and --model switch; --provider sim uses the built-in simulator.`,
      );
      expect(simulator.requests.map((request) => [request.api, request.stream, request.headers[header]])).toEqual([
        [api, true, sent(key)],
      ]);
      expect(chat.stdout + chat.stderr).not.toContain(key);
    });
  }

  it('uses Ollama when no key is set and a server answers on OLLAMA_HOST, with its first model', async () => {
    simulator.reset();
    const chat = spawnChat(['hello'], await cleanEnvironment({ OLLAMA_HOST: simulator.url }));
    expect(await chat.exited).toBe(0);
    expect(chat.stdout).toBe(`${simulatedAnswer('hello')}\n`);
    expect(lines(chat.stderr)[0]).toBe(
      `Using Ollama · sim-llama:latest (no API key in the environment; Ollama answers on ${simulator.url}). --provider and --model switch; --provider sim uses the built-in simulator.`,
    );
    expect(simulator.requests.map((request) => [request.api, request.model])).toEqual([['ollama', 'sim-llama:latest']]);
  });

  it('prints a provider error in one line without the key', async () => {
    simulator.reset();
    const key = 'sk-test-never-printed-0123456789';
    const chat = spawnChat(
      ['--model', 'gpt-4o-fault-429', 'hello'],
      await cleanEnvironment({ OPENAI_API_KEY: key, OPENAI_BASE_URL: simulator.baseURLs.openai }),
    );
    expect(await chat.exited).toBe(1);
    const notes = lines(chat.stderr);
    expect(notes.at(-1)).toMatch(
      /^error: OpenAI returned HTTP 429 Too Many Requests for POST http:\/\/127\.0\.0\.1:\d+\/v1\/responses: .*\(simulated fault 429\)/,
    );
    expect(notes).toHaveLength(2);
    expect(chat.stdout + chat.stderr).not.toContain(key);
  });
});

describe('interactive chat through stdin', () => {
  it('answers two turns, cancels the third on Ctrl-C, keeps the history, quits on /exit', async () => {
    const chat = spawnChat(['--provider', 'sim', '--sim-delay-ms', '100'], await cleanEnvironment());
    await chat.waitFor('stderr', (text) => text.includes(INTERACTIVE_HINT));

    chat.type('first question\n');
    await chat.waitFor('stderr', (text) => lines(text).length === 4);
    await chat.waitFor('stdout', (text) => text === `${simulatedAnswer('first question')}\n`);
    chat.type('second question\n');
    await chat.waitFor('stderr', (text) => lines(text).length === 5);
    await chat.waitFor(
      'stdout',
      (text) => text === `${simulatedAnswer('first question')}\n${simulatedAnswer('second question')}\n`,
    );
    usageOf(lines(chat.stderr)[3]);
    usageOf(lines(chat.stderr)[4]);

    chat.type('third question\n');
    const before = chat.stdout.length;
    await chat.waitFor('stdout', (text) => text.length > before);
    chat.child.kill('SIGINT');
    // The Ctrl-C that cancelled counts as the first: the hint says the next one quits.
    await chat.waitFor('stderr', (text) => text.endsWith('(cancelled)\n(Ctrl-C again or /exit to quit)\n'));
    // Part of the answer, then the new line the app ends a cancelled answer with.
    const third = chat.stdout.slice(before);
    expect(third.endsWith('\n')).toBe(true);
    expect(third.length).toBeGreaterThan(1);
    expect(third.length).toBeLessThan(simulatedAnswer('third question').length);
    expect(simulatedAnswer('third question').startsWith(third.slice(0, -1))).toBe(true);

    chat.type('/history\n');
    await chat.waitFor('stdout', (text) => text.endsWith(`assistant: ${simulatedAnswer('second question')}\n`));
    expect(chat.stdout.slice(before + third.length)).toBe(
      [
        'you: first question',
        `assistant: ${simulatedAnswer('first question')}`,
        'you: second question',
        `assistant: ${simulatedAnswer('second question')}`,
        '',
      ].join('\n'),
    );

    chat.type('/exit\n');
    expect(await chat.exited).toBe(0);
  });

  it('quits on a second Ctrl-C; /model and /clear', async () => {
    const chat = spawnChat(['--provider', 'sim', '--sim-delay-ms', '0'], await cleanEnvironment());
    await chat.waitFor('stderr', (text) => text.includes(INTERACTIVE_HINT));
    chat.type('/model\n');
    await chat.waitFor('stderr', (text) => text.endsWith('the built-in simulator · rig-sim\n'));
    chat.type('/model think-sim\n');
    await chat.waitFor('stderr', (text) => text.endsWith('(now using think-sim on the built-in simulator)\n'));
    chat.type('why?\n');
    await chat.waitFor('stderr', (text) => / \(\d+ reasoning\) · /.test(text));
    // A reasoning model's thoughts go to stderr, its answer to stdout.
    await chat.waitFor('stdout', (text) => text === `${simulatedAnswer('why?')}\n`);
    expect(chat.stderr).toContain('\nThinking about: why?\n');
    // A failed answer is one line, and the chat goes on.
    chat.type('/model rig-sim-fault-malformed\n');
    chat.type('broken\n');
    await chat.waitFor('stderr', (text) => /\nerror: .*not valid JSON.*\n$/.test(text));
    chat.type('/model rig-sim\n');
    chat.type('fine\n');
    await chat.waitFor('stdout', (text) => text.endsWith(`${simulatedAnswer('fine')}\n`));
    chat.type('/clear\n');
    await chat.waitFor('stderr', (text) => text.endsWith('(history cleared)\n'));
    chat.type('/history\n');
    await chat.waitFor('stderr', (text) => text.endsWith('(no messages yet)\n'));
    chat.type('/bogus\n');
    await chat.waitFor('stderr', (text) => text.endsWith('unknown command /bogus: /help lists the commands\n'));

    chat.child.kill('SIGINT');
    await chat.waitFor('stderr', (text) => text.endsWith('(Ctrl-C again or /exit to quit)\n'));
    chat.child.kill('SIGINT');
    expect(await chat.exited).toBe(0);
  });

  it('answers every line of a piped input, then quits at its end', async () => {
    const chat = spawnChat(['--provider', 'sim', '--sim-delay-ms', '0'], await cleanEnvironment());
    chat.type('one\ntwo\n');
    chat.child.stdin.end();
    expect(await chat.exited).toBe(0);
    expect(chat.stdout).toBe(`${simulatedAnswer('one')}\n${simulatedAnswer('two')}\n`);
  });
});

describe('interactive chat in a terminal (a pseudo-terminal made by script(1))', () => {
  /** The screen's text: escape sequences and carriage returns dropped. */
  const screen = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
  const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  /** `rig-chat` with `args`, started in a pseudo-terminal by script(1) with TERM=xterm. */
  const spawnChatInTerminal = async (args: string[]) =>
    spawnChat([], { ...(await cleanEnvironment()), TERM: 'xterm' }, [
      'script',
      '-qfec',
      [process.execPath, CHAT_BIN, ...args].map(shellQuote).join(' '),
      '/dev/null',
    ]);

  it('shows a spinner until the first token, cancels the answer on a Ctrl-C key press, quits on /exit', async () => {
    const chat = await spawnChatInTerminal(['--provider', 'sim', '--sim-delay-ms', '100']);
    await chat.waitFor('stdout', (text) => screen(text).includes(`${INTERACTIVE_HINT}\n› `));

    chat.type('hello\r');
    await chat.waitFor('stdout', (text) => screen(text).includes(`${simulatedAnswer('hello')}\n`));
    const firstTurn = screen(chat.stdout);
    // The spinner ran before the answer, and was erased.
    expect(firstTurn).toMatch(new RegExp(String.raw`› hello\n⠋ rig-sim is thinking…[^\n]*You said: "hello"\.`));
    await chat.waitFor('stdout', (text) => /tokens · first token .* · total .*\n› $/.test(screen(text)));

    chat.type('again\r');
    await chat.waitFor('stdout', (text) => screen(text).includes('You said: "again"'));
    chat.type('\u0003');
    await chat.waitFor('stdout', (text) => screen(text).endsWith('(cancelled)\n(Ctrl-C again or /exit to quit)\n› '));
    expect(screen(chat.stdout)).not.toContain(simulatedAnswer('again'));

    chat.type('/exit\r');
    expect(await chat.exited).toBe(0);
  });

  it('quits on Ctrl-C twice at the prompt; Ctrl-C first drops a half-typed line', async () => {
    const chat = await spawnChatInTerminal(['--provider', 'sim']);
    await chat.waitFor('stdout', (text) => screen(text).endsWith(`${INTERACTIVE_HINT}\n› `));
    chat.type('half a thou');
    await chat.waitFor('stdout', (text) => screen(text).endsWith('half a thou'));
    chat.type('\u0003');
    await chat.waitFor('stdout', (text) => screen(text).endsWith('› '));
    chat.type('\u0003');
    await chat.waitFor('stdout', (text) => screen(text).endsWith('(Ctrl-C again or /exit to quit)\n› '));
    chat.type('\u0003');
    expect(await chat.exited).toBe(0);
  });

  it('quits on Ctrl-D at the prompt, ending the prompt line so the shell prompt starts on its own', async () => {
    const chat = await spawnChatInTerminal(['--provider', 'sim']);
    await chat.waitFor('stdout', (text) => screen(text).endsWith(`${INTERACTIVE_HINT}\n› `));
    chat.type('\u0004');
    expect(await chat.exited).toBe(0);
    expect(screen(chat.stdout).endsWith(`${INTERACTIVE_HINT}\n› \n`)).toBe(true);
  });
});
