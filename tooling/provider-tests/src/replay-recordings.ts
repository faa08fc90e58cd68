import { CompletionError, type CompletionResponse, type StreamingCompletionResponse } from '@rig-ts/core';
import {
  chunkLines,
  chunksToWire,
  randomCuts,
  readFixture,
  readJsonFixture,
  readTextFixture,
  splitBytes,
} from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import {
  chatChunksBody,
  deriveExpectations,
  responsesSegments,
  sseDataPayloads,
  type Expectations,
  type StreamFailure,
} from './derive-expectations.js';
import { comparableContent } from './comparable-content.js';
import { replayCompletion, replayStream, type ModelFactory } from './replay-request.js';
import { summarizeChat, summarizeResponses, type ChatSummary, type ResponsesSummary } from './summarize.js';

/** What {@link describeRecordings} replays, and through which models. */
export interface ReplayOptions {
  /** The package's committed `expectations.json` (checked against a fresh derivation first). */
  expectations: Expectations;
  /** The Chat Completions model of the package (for `chat` recordings). */
  chatModel?: ModelFactory;
  /** The Responses API model of the package (for `responses` recordings). */
  responsesModel?: ModelFactory;
  /** Random splits of each raw `.sse` body. @default 20 */
  sseSplits?: number;
  /**
   * What the expectations must cover, per wire: how many recordings, or their exact files in order, so a recording
   * dropped from the fixtures (or a folder no longer read) fails. @default not checked
   */
  recordings?: { chat?: number | readonly string[]; responses?: number | readonly string[] };
}

function expectCoverage(files: string[], expected: number | readonly string[] | undefined): void {
  if (typeof expected === 'number') expect(files.length).toBe(expected);
  else if (expected !== undefined) expect(files).toEqual(expected);
}

const isFailure = (value: object): value is StreamFailure => 'error' in value;

async function finalOf(model: ModelFactory, chunks: readonly (string | Uint8Array)[]): Promise<CompletionResponse> {
  return (await replayStream(model, chunks)).final;
}

async function expectStreamFailure(
  stream: Promise<StreamingCompletionResponse>,
  expected: StreamFailure,
): Promise<void> {
  const error = await (
    await stream
  ).final.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(CompletionError.isInstance(error)).toBe(true);
  expect((error as CompletionError).kind).toBe('provider');
  expect((error as CompletionError).message.endsWith(`: ${expected.error}`)).toBe(true);
}

/**
 * Registers the replay suite of a provider package: every recording of `expectations` through the package's own
 * models — `.json` bodies through `completion()`, `.chunks.txt` rebuilt as the real wire and `.sse` raw bytes
 * (whole and split at random offsets) through `stream()` — each compared exactly with its derived summary, each
 * stream compared with the non-streamed parse of the same content, and each split `.sse` stream's response equal to
 * the whole one's (all but the raw response).
 */
export function describeRecordings(name: string, options: ReplayOptions): void {
  const { expectations, chatModel, responsesModel } = options;
  const sseSplits = options.sseSplits ?? 20;
  const chat = Object.entries(expectations.chat);
  const responses = Object.entries(expectations.responses);

  describe(`${name} replays every real recording`, () => {
    it('holds the expectations derived from the wire of every recording', () => {
      expect(deriveExpectations(expectations.dirs)).toEqual(expectations);
      expect(chat.length + responses.length).toBeGreaterThan(0);
      expectCoverage(Object.keys(expectations.chat), options.recordings?.chat);
      expectCoverage(Object.keys(expectations.responses), options.recordings?.responses);
      if (chat.length > 0) expect(chatModel).toBeDefined();
      if (responses.length > 0) expect(responsesModel).toBeDefined();
    });

    if (chatModel) describeChat(chatModel, chat, sseSplits);
    if (responsesModel) describeResponses(responsesModel, responses, sseSplits);
  });
}

/**
 * Each whole `.json` body through `completion()`: its summary is the expected one, the request id and the raw body
 * are kept, and the raw body's `tokenUsage()` reads the summary's usage (nothing where the body has no usage).
 */
function describeBodies<Summary extends { usage?: unknown }>(
  model: ModelFactory,
  json: [string, Summary][],
  summarize: (response: CompletionResponse) => Summary,
): void {
  if (json.length === 0) return;
  it.each(json)('%s through completion()', async (file, expected) => {
    const body = readJsonFixture(file);
    const response = await replayCompletion(model, body, { 'x-request-id': 'req_replay' });
    expect(summarize(response)).toEqual(expected);
    expect(response.requestId).toBe('req_replay');
    expect(JSON.stringify(response.rawResponse)).toBe(JSON.stringify(body));
    expect((response.rawResponse as { tokenUsage(): unknown }).tokenUsage()).toEqual(
      body.usage ? expected.usage : undefined,
    );
  });
}

function describeChat(model: ModelFactory, entries: [string, ChatSummary | StreamFailure][], sseSplits: number): void {
  const json = entries.filter(([file]) => file.endsWith('.json')) as [string, ChatSummary][];
  const chunks = entries.filter(([file]) => file.endsWith('.chunks.txt'));
  const sse = entries.filter(([file]) => file.endsWith('.sse'));

  describeBodies(model, json, summarizeChat);

  if (chunks.length > 0) {
    it.each(chunks)(
      '%s through stream(), rebuilt as the real wire (data: frames, then [DONE]), also split at random offsets',
      async (file, expected) => {
        const lines = chunkLines(file);
        const bytes = new TextEncoder().encode(chunksToWire(lines, 'chat'));
        if (isFailure(expected)) {
          await expectStreamFailure(replayStream(model, [bytes]), expected);
          return;
        }
        const streamed = await finalOf(model, [bytes]);
        expect(summarizeChat(streamed)).toEqual(expected);
        const unary = await replayCompletion(model, chatChunksBody(lines.map((line) => JSON.parse(line))));
        expect(comparableContent(streamed)).toEqual(comparableContent(unary));
        for (const seed of [5, 6, 7]) {
          const split = await finalOf(model, splitBytes(bytes, randomCuts(bytes.length, 60, seed)));
          expect(summarizeChat(split)).toEqual(expected);
        }
      },
    );
  }

  if (sse.length > 0) {
    it.each(sse)(
      `%s raw bytes through stream(), whole and under ${sseSplits} random splits`,
      async (file, expected) => {
        const bytes = readFixture(file);
        if (isFailure(expected)) {
          await expectStreamFailure(replayStream(model, [bytes]), expected);
          for (let seed = 1; seed <= 5; seed++) {
            await expectStreamFailure(
              replayStream(model, splitBytes(bytes, randomCuts(bytes.length, 1 + seed * 7, seed))),
              expected,
            );
          }
          return;
        }
        const whole = await finalOf(model, [bytes]);
        expect(summarizeChat(whole)).toEqual(expected);
        const unary = await replayCompletion(model, chatChunksBody(sseDataPayloads(readTextFixture(file))));
        expect(comparableContent(whole)).toEqual(comparableContent(unary));
        for (let seed = 1; seed <= sseSplits; seed++) {
          const split = await finalOf(model, splitBytes(bytes, randomCuts(bytes.length, 1 + (seed % 40), seed)));
          expect(split).toEqual({ ...whole, rawResponse: split.rawResponse });
        }
      },
    );
  }
}

type ResponsesExpectation = ResponsesSummary | (ResponsesSummary | StreamFailure)[];

function segmentLines(file: string, index: number): string[] {
  const lines = chunkLines(file);
  return responsesSegments(
    lines.map((line, position) => ({ type: (JSON.parse(line) as { type?: string }).type, position })),
  ).map((segment) => segment.map((event) => lines[event.position]!))[index]!;
}

function describeResponses(model: ModelFactory, entries: [string, ResponsesExpectation][], sseSplits: number): void {
  const json = entries.filter(([file]) => file.endsWith('.json')) as [string, ResponsesSummary][];
  const streams = entries.flatMap(([file, expected]) =>
    file.endsWith('.json')
      ? []
      : (expected as (ResponsesSummary | StreamFailure)[]).map(
          (segment, index) => [file, index, segment] as [string, number, ResponsesSummary | StreamFailure],
        ),
  );
  const chunks = streams.filter(([file]) => file.endsWith('.chunks.txt'));
  const sse = streams.filter(([file]) => file.endsWith('.sse'));

  describeBodies(model, json, summarizeResponses);

  if (chunks.length > 0) {
    it.each(chunks)(
      '%s (stream %i) through stream(), as typed events and as data-only frames split at random offsets',
      async (file, index, expected) => {
        const lines = segmentLines(file, index);
        const typed = chunksToWire(lines, 'typed-events');
        if (isFailure(expected)) {
          await expectStreamFailure(replayStream(model, [typed]), expected);
          return;
        }
        const streamed = await finalOf(model, [typed]);
        expect(summarizeResponses(streamed)).toEqual(expected);
        const completed = lines
          .map((line) => JSON.parse(line))
          .find((event) => event.type === 'response.completed' || event.type === 'response.incomplete');
        const unary = await replayCompletion(model, completed.response);
        expect(comparableContent(streamed)).toEqual(comparableContent(unary));
        const dataOnly = new TextEncoder().encode(chunksToWire(lines, 'chat'));
        for (const seed of [1, 2, 3]) {
          const split = await finalOf(model, splitBytes(dataOnly, randomCuts(dataOnly.length, 40, seed)));
          expect(summarizeResponses(split)).toEqual(expected);
        }
      },
    );
  }

  if (sse.length > 0) {
    it.each(sse)(
      `%s (stream %i) raw bytes through stream(), whole and under ${sseSplits} random splits`,
      async (file, _index, expected) => {
        const bytes = readFixture(file);
        if (isFailure(expected)) {
          await expectStreamFailure(replayStream(model, [bytes]), expected);
          return;
        }
        const whole = await finalOf(model, [bytes]);
        expect(summarizeResponses(whole)).toEqual(expected);
        for (let seed = 1; seed <= sseSplits; seed++) {
          const split = await finalOf(model, splitBytes(bytes, randomCuts(bytes.length, 1 + (seed % 60), seed)));
          expect(split).toEqual({ ...whole, rawResponse: split.rawResponse });
        }
      },
    );
  }
}
