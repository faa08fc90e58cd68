import { CompletionError, type CompletionModel, type ToolDefinition } from '@rig-ts/core';
import { splitBytes } from '@rig-ts/fixtures';
import { SseDecoder } from '@rig-ts/streaming';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS, type CallMode, type ProviderUnderTest } from '../providers.js';
import { answerShape, itemShapes } from '../test-utils/answer-shape.js';
import { CANARY_KEY } from '../test-utils/canary.js';
import { seededRandom } from '../test-utils/seeded-random.js';
import { cutsFor, rawCuts, within, wireText } from '../test-utils/split-anywhere.js';

/** One answer as the simulator put it on the wire. */
interface Capture {
  provider: ProviderUnderTest;
  mode: CallMode;
  scenario: string;
  contentType: string;
  body: string;
}

const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
    required: ['city'],
  },
};
const SCENARIOS: {
  name: string;
  build: (model: CompletionModel) => ReturnType<CompletionModel['completionRequest']>;
}[] = [
  { name: 'text', build: (model) => model.completionRequest('hello world') },
  {
    name: 'tool call',
    build: (model) => model.completionRequest('What does get_weather say for Paris?').tool(WEATHER),
  },
  {
    name: 'cut by max tokens',
    build: (model) => model.completionRequest('a rather long prompt that will not fit in the answer').maxTokens(3),
  },
];

/** A fetch that answers with `body`, cut into pieces at `cuts` (bytes). */
function answering(body: string, contentType: string, cuts: readonly number[] = []): typeof fetch {
  const bytes = new TextEncoder().encode(body);
  return (async () => {
    const pieces = splitBytes(bytes, cutsFor(bytes.length, cuts));
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index < pieces.length) controller.enqueue(pieces[index++]!);
        else controller.close();
      },
    });
    return new Response(stream, { status: 200, headers: { 'content-type': contentType } });
  }) as unknown as typeof fetch;
}

function modelWith(capture: Capture, fetch: typeof globalThis.fetch): CompletionModel {
  return capture.provider.model('http://wire.test', {
    apiKey: CANARY_KEY,
    maxRetries: 0,
    timeoutMs: 10_000,
    idleTimeoutMs: 5_000,
    maxRetryDelayMs: 60_000,
    fetch,
  });
}

function requestFor(capture: Capture, model: CompletionModel) {
  return SCENARIOS.find((scenario) => scenario.name === capture.scenario)!
    .build(model)
    .build();
}

/** Runs the call the capture was made with against `fetch`: the outcome, or the error, within 5 s. */
async function call(
  capture: Capture,
  fetch: typeof globalThis.fetch,
): Promise<{ response?: unknown; items?: unknown[]; error?: unknown }> {
  const model = modelWith(capture, fetch);
  const request = requestFor(capture, model);
  const run = async () => {
    try {
      if (capture.mode === 'completion') return { response: await model.completion(request) };
      const stream = await model.stream(request);
      const items: unknown[] = [];
      for await (const item of stream) items.push(item);
      return { response: await stream.final, items };
    } catch (error) {
      return { error };
    }
  };
  return within(run(), 5_000, `${capture.provider.id} ${capture.mode} ${capture.scenario}`);
}

let simulator: Simulator;
const captures: Capture[] = [];

beforeAll(async () => {
  simulator = await startSimulator();
  for (const provider of PROVIDERS) {
    for (const mode of ['completion', 'stream'] as const) {
      for (const scenario of SCENARIOS) {
        let capture: Capture | undefined;
        const capturing = (async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await fetch(input, init);
          const body = await response.text();
          capture = {
            provider,
            mode,
            scenario: scenario.name,
            contentType: response.headers.get('content-type') ?? '',
            body,
          };
          return new Response(body, { status: response.status, headers: response.headers });
        }) as typeof fetch;
        const model = provider.model(simulator.url, {
          apiKey: CANARY_KEY,
          maxRetries: 0,
          timeoutMs: 10_000,
          idleTimeoutMs: 5_000,
          maxRetryDelayMs: 60_000,
          fetch: capturing,
        });
        const request = scenario.build(model).build();
        if (mode === 'completion') await model.completion(request);
        else await (await model.stream(request)).final;
        captures.push(capture!);
      }
    }
  }
}, 60_000);

afterAll(() => simulator.close());

/** The frames of a captured stream: SSE events (type and data) or NDJSON lines. */
function framesOf(capture: Capture): { event: string; data: string }[] {
  if (capture.provider.wire === 'ollama')
    return capture.body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((data) => ({ event: 'message', data }));
  const frames: { event: string; data: string }[] = [];
  const decoder = new SseDecoder((data, event) => frames.push({ event, data }));
  decoder.push(capture.body);
  decoder.end();
  return frames;
}

function wireOf(capture: Capture, frames: readonly { event: string; data: string }[]): string {
  if (capture.provider.wire === 'ollama') return frames.map((frame) => `${frame.data}\n`).join('');
  return frames
    .map((frame) => `${frame.event === 'message' ? '' : `event: ${frame.event}\n`}data: ${frame.data}\n\n`)
    .join('');
}

/** A value changed at one random place: a key dropped, a value replaced by another JSON value, an array emptied. */
function mutate(value: unknown, random: () => number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const copy: { [key: string]: unknown } | unknown[] = Array.isArray(value)
    ? [...(value as unknown[])]
    : { ...(value as { [key: string]: unknown }) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || random() < 0.15) return random() < 0.5 ? replacement : Array.isArray(value) ? [] : {};
  const key = keys[Math.floor(random() * keys.length)]!;
  const roll = random();
  if (roll < 0.2 && !Array.isArray(copy)) delete copy[key];
  else
    (copy as { [key: string]: unknown })[key] =
      roll < 0.4 ? replacement : mutate((copy as { [key: string]: unknown })[key], random, replacement);
  return copy;
}

const replacementValue = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, '', 'x', true, [], {}, [null], { type: 'unknown' }),
  fc.jsonValue({ maxDepth: 2 }),
);

function expectTyped(outcome: { error?: unknown }, what: string): void {
  if (outcome.error === undefined) return;
  expect(
    CompletionError.isInstance(outcome.error),
    `${what} failed with ${String(outcome.error)}${outcome.error instanceof Error ? `\n${outcome.error.stack}` : ''}`,
  ).toBe(true);
}

describe('provider wire formats, property-based', () => {
  it('captured every provider × mode × scenario', () => {
    expect(captures).toHaveLength(PROVIDERS.length * 2 * SCENARIOS.length);
  });

  it('decode a well-formed answer split at any bytes exactly as the whole answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), rawCuts, async (pick, cuts) => {
        const capture = captures[pick % captures.length]!;
        const whole = await call(capture, answering(capture.body, capture.contentType));
        const split = await call(capture, answering(capture.body, capture.contentType, cuts));
        expect(whole.error).toBeUndefined();
        expect(split.error).toBeUndefined();
        expect(answerShape(split.response as never)).toEqual(answerShape(whole.response as never));
        if (capture.mode === 'stream')
          expect(itemShapes(split.items as never)).toEqual(itemShapes(whole.items as never));
      }),
      { numRuns: 300, seed: 150 },
    );
  });

  it('answer a mutated stream (frames dropped, repeated, swapped or changed, or frames of junk) with the answer or a CompletionError, never anything else, never hanging', async () => {
    const streams = () => captures.filter((capture) => capture.mode === 'stream');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.integer(),
        fc.array(replacementValue, { minLength: 1, maxLength: 4 }),
        async (pick, seed, replacements) => {
          const capture = streams()[pick % streams().length]!;
          const random = seededRandom(seed);
          const frames = framesOf(capture);
          for (const replacement of replacements) {
            if (frames.length === 0) frames.push({ event: 'message', data: JSON.stringify(replacement) });
            const index = Math.floor(random() * frames.length);
            const roll = random();
            if (roll < 0.15) frames.splice(index, 1);
            else if (roll < 0.3) frames.splice(index, 0, frames[index]!);
            else if (roll < 0.4 && index + 1 < frames.length)
              frames.splice(index, 2, frames[index + 1]!, frames[index]!);
            else if (roll < 0.5)
              frames.splice(index, 0, { event: frames[index]?.event ?? 'message', data: JSON.stringify(replacement) });
            else if (frames[index]!.data !== '[DONE]') {
              const frame = frames[index]!;
              frames[index] = {
                event: frame.event,
                data: JSON.stringify(mutate(JSON.parse(frame.data), random, replacement)),
              };
            }
          }
          expectTyped(
            await call(capture, answering(wireOf(capture, frames), capture.contentType)),
            `${capture.provider.id} ${capture.scenario}`,
          );
        },
      ),
      { numRuns: 1500, seed: 151 },
    );
  });

  it('answer a mutated JSON body with the answer or a CompletionError, never anything else', async () => {
    const bodies = () => captures.filter((capture) => capture.mode === 'completion');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.integer(),
        fc.array(replacementValue, { minLength: 1, maxLength: 3 }),
        async (pick, seed, replacements) => {
          const capture = bodies()[pick % bodies().length]!;
          const random = seededRandom(seed);
          let body: unknown = JSON.parse(capture.body);
          for (const replacement of replacements) body = mutate(body, random, replacement);
          expectTyped(
            await call(capture, answering(JSON.stringify(body), capture.contentType)),
            `${capture.provider.id} ${capture.scenario}`,
          );
        },
      ),
      { numRuns: 1000, seed: 152 },
    );
  });

  it('answer any bytes at all with a CompletionError or an answer, never anything else, never hanging', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), wireText, rawCuts, async (pick, text, cuts) => {
        const capture = captures[pick % captures.length]!;
        expectTyped(
          await call(capture, answering(text, capture.contentType, cuts)),
          `${capture.provider.id} ${capture.mode}`,
        );
      }),
      { numRuns: 500, seed: 153 },
    );
  });
});
