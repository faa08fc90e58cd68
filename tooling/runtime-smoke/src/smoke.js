// @ts-check
// The runtime smoke script: a prompt, a stream, a typed prompt, an agent's tool call and an abort, against the
// provider simulator of @rig-ts/testkit. Plain ES modules importing the built packages as a user would, so the same
// file runs under Node, Bun and Deno, and (bundled by esbuild) in a browser page.
//
// The simulator's URL comes from RIG_SMOKE_SIMULATOR_URL, or in a page from `?simulator=<url>`. Every line the
// script prints starts with `smoke:`; the last one is `smoke: passed` or `smoke: failed`, and a failure also throws,
// so the process exits non-zero.
import * as anthropic from '@rig-ts/anthropic';
import * as openai from '@rig-ts/openai';
import { AgentBuilder, promptTyped, textOf, tool } from 'rig-ts';
import { SentimentAnalysis, WeatherArguments } from '@rig-ts/test-schemas';

/** The globals that tell the runtimes apart (none of them is declared for every runtime). */
const runtimeGlobals =
  /** @type {{ Deno?: any; Bun?: any; process?: any; location?: Location; navigator?: Navigator }} */ (globalThis);

const runtime = describeRuntime();
const simulatorURL = readSimulatorURL();
const openaiClient = new openai.Client({ apiKey: 'sk-smoke', baseURL: `${simulatorURL}/v1` });
const anthropicClient = new anthropic.Client({ apiKey: 'sk-ant-smoke', baseURL: `${simulatorURL}/v1` });

/** @param {string} prompt */
const simulatedAnswer = (prompt) => `You said: "${prompt}". This is a simulated answer from the rig-ts simulator.`;

/** @type {Record<string, () => Promise<void>>} */
const checks = {
  async prompt() {
    const prompt = `Hello from ${runtime.name}`;
    const text = await openaiClient.completionModel('gpt-4o').prompt(prompt);
    assertEqual(text, simulatedAnswer(prompt), 'the prompt answer');
  },

  async stream() {
    const prompt = 'Stream a few words';
    const stream = await anthropicClient.completionModel('claude-sonnet-4-5').streamPrompt(prompt);
    /** @type {string[]} */
    const deltas = [];
    let finalItems = 0;
    for await (const item of stream) {
      if (item.type === 'text') deltas.push(item.text);
      else if (item.type === 'final') finalItems++;
    }
    assertEqual(deltas.length > 1, true, `more than one text delta (got ${deltas.length})`);
    assertEqual(deltas.join(''), simulatedAnswer(prompt), 'the joined text deltas');
    assertEqual(finalItems, 1, 'the number of final items');
    const response = await stream.final;
    assertEqual(textOf(response.choice), simulatedAnswer(prompt), 'the aggregated text');
    assertEqual(response.finishReason, 'stop', 'the finish reason');
    assertEqual(
      response.usage.completionTokens > 0 &&
        response.usage.totalTokens === response.usage.promptTokens + response.usage.completionTokens,
      true,
      `the usage (${JSON.stringify(response.usage)})`,
    );
  },

  async typed() {
    const model = openai.chatCompletionsModel(openaiClient, 'gpt-4o');
    const value = await promptTyped(model, SentimentAnalysis, "Analyze the sentiment of: 'I love this product!'");
    assertEqual(value, { score: 0.75, label: 'positive' }, 'the typed value');
    const invalid = SentimentAnalysis.validate({ score: 2, label: 'great' });
    assertEqual(
      invalid.success ? [] : invalid.issues.map((issue) => `${issue.path} ${issue.message}`),
      ['/score must be <= 1'],
      'the validation issues of an invalid value',
    );
  },

  async tool() {
    /** @type {WeatherArguments[]} */
    const calls = [];
    const weather = tool({
      name: 'weather',
      description: 'The weather in a city',
      parameters: WeatherArguments,
      execute: (args) => {
        calls.push(args);
        return `Sunny in ${args.city}`;
      },
    });
    const agent = new AgentBuilder(anthropicClient.completionModel('claude-sonnet-4-5'))
      .preamble('You report the weather.')
      .tool(weather)
      .build();
    const answer = await agent.prompt('What is the weather in Paris?');
    assertEqual(calls, [{ city: 'Paris', unit: 'celsius' }], 'the tool calls');
    assertEqual(answer, 'The weather tool returned: Sunny in Paris', 'the answer after the tool result');
  },

  async abort() {
    const controller = new AbortController();
    const gapMs = 800;
    const stream = await openai
      .chatCompletionsModel(openaiClient, 'gpt-4o')
      .streamPrompt('Abort this stream after its first words', {
        signal: controller.signal,
        headers: { 'x-sim-delay-ms': String(gapMs) },
      });
    const iterator = stream[Symbol.asyncIterator]();
    let first = await iterator.next();
    while (!first.done && first.value.type !== 'text') first = await iterator.next();
    assertEqual(first.done ? undefined : first.value, { type: 'text', text: 'You' }, 'the first text delta');
    const pending = iterator.next();
    const reason = new Error('smoke: stop pressed');
    const started = Date.now();
    controller.abort(reason);
    const outcome = await pending.then(
      (result) => ({ rejected: false, value: result }),
      (error) => ({ rejected: true, value: error }),
    );
    const elapsedMs = Date.now() - started;
    assertEqual(
      outcome.rejected && outcome.value === reason,
      true,
      `the stream rejects with the abort reason (got ${describe(outcome.value)})`,
    );
    assertEqual(
      elapsedMs < gapMs / 2,
      true,
      `the rejection within ${gapMs / 2} ms of the abort, before the next frame (took ${elapsedMs} ms)`,
    );
    const final = await stream.final.then(
      () => 'resolved',
      (error) => error,
    );
    assertEqual(final === reason, true, `stream.final rejects with the abort reason (got ${describe(final)})`);
  },
};

print(`runtime ${runtime.name} ${runtime.version}`);
/** @type {string[]} */
const failed = [];
for (const [name, check] of Object.entries(checks)) {
  const started = Date.now();
  try {
    await check();
    print(`ok ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed.push(name);
    print(`FAIL ${name}: ${describe(error)}`);
  }
}
print(failed.length === 0 ? 'passed' : 'failed');
if (failed.length > 0) throw new Error(`smoke checks failed: ${failed.join(', ')}`);

/** @returns {{ name: 'node' | 'bun' | 'deno' | 'browser'; version: string }} */
function describeRuntime() {
  if (runtimeGlobals.Deno) return { name: 'deno', version: runtimeGlobals.Deno.version.deno };
  if (runtimeGlobals.Bun) return { name: 'bun', version: runtimeGlobals.Bun.version };
  if (runtimeGlobals.process?.versions?.node) return { name: 'node', version: runtimeGlobals.process.versions.node };
  return { name: 'browser', version: runtimeGlobals.navigator?.userAgent ?? 'unknown' };
}

/** @returns {string} */
function readSimulatorURL() {
  const fromPage = runtimeGlobals.location ? new URL(runtimeGlobals.location.href).searchParams.get('simulator') : null;
  const fromEnvironment = runtimeGlobals.Deno
    ? runtimeGlobals.Deno.env.get('RIG_SMOKE_SIMULATOR_URL')
    : runtimeGlobals.process?.env?.RIG_SMOKE_SIMULATOR_URL;
  const url = fromPage ?? fromEnvironment;
  if (!url) throw new Error('smoke: set RIG_SMOKE_SIMULATOR_URL (or ?simulator= in a page) to the simulator URL');
  return url.replace(/\/$/, '');
}

/**
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 */
function assertEqual(actual, expected, what) {
  const actualText = canonicalJson(actual);
  const expectedText = canonicalJson(expected);
  if (actualText !== expectedText) throw new Error(`${what}: expected ${expectedText}, got ${actualText}`);
}

/** JSON with object keys sorted, so that equal values print equal. @param {unknown} value */
function canonicalJson(value) {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([left], [right]) => (left < right ? -1 : 1)))
      : item,
  );
}

/** @param {unknown} value */
function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** @param {string} line */
function print(line) {
  console.log(`smoke: ${line}`);
}
