import type { ServerResponse } from 'node:http';
import {
  CompletionError,
  Message,
  type CompletionModel,
  type CompletionRequest,
  type ToolDefinition,
} from '@rig-ts/core';
import { sendJson } from '@rig-ts/fixtures/loopback';
import { describe, expect, it } from 'vitest';
import { collectStream, streamedTexts } from './collect-stream.js';
import { useLoopbackModel } from './use-loopback-model.js';

/** The calls {@link describeStreamContracts} makes on a model. */
export type ContractModel = Pick<CompletionModel, 'completion' | 'stream'>;

/** The request every contract sends, unless a case says otherwise. */
export const contractRequest: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

/** `[name, value, what the error says it got]`: the text values of the wrong type every wire must refuse. */
const WRONG_TEXTS: readonly (readonly [string, unknown, string])[] = [
  ['a number', 42, 'got 42'],
  ['an object', { text: 'lo' }, 'got an object'],
  ['true', true, 'got true'],
  ['missing', undefined, 'got nothing'],
];

/** The function tool the contracts' additionalParams cases send beside the tools additionalParams adds. */
export const contractTool: ToolDefinition = {
  name: 'get_weather',
  description: 'Weather',
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

/** A stream answer whose second text delta (`lo`) is replaced by a wrong one, and the data of that frame. */
export interface BadDelta {
  /** The whole stream sent. */
  stream: string;
  /** The bad frame's data, as the error keeps it in `body`. */
  frame: string;
}

/** An answer of the wrong shape: a non-streamed `body`, a `stream`, or both (sent in that order). */
export interface MalformedCase {
  /** What is wrong, in the test's title. */
  name: string;
  /** Why the answer cannot be read, after `… cannot read: `. */
  reason: string;
  /** The JSON body answering `completion()`. */
  body?: unknown;
  /** The whole stream answering `stream()`. */
  stream?: string;
  /** What the stream error names as unreadable. @default the wire's {@link StreamContracts.sent} */
  sent?: string;
}

/** A request with additionalParams, the calls made with it, and what each must warn and send. */
export interface AdditionalParamsCase {
  /** The test's title. */
  title: string;
  request: CompletionRequest;
  /** The calls made in turn; `completion` is answered with the wire's `answerBody`, `stream` with its `answer`. */
  calls: readonly ('completion' | 'stream')[];
  /** The warnings every call returns. */
  warnings: readonly unknown[];
  /** Every request body the server receives, in order. */
  bodies: readonly unknown[];
}

/** One provider wire format, as {@link describeStreamContracts} exercises it. */
export interface StreamContracts<Model extends ContractModel> {
  /** The provider's name as its errors word it (`Anthropic sent a response …`). */
  provider: string;
  /** The wire's name in titles, e.g. `Chat Completions`. */
  wire: string;
  /** What ends a stream on this wire, in titles, e.g. `[DONE]`. */
  end: string;
  /** Makes the model under test, sending to the loopback server at `url`. */
  makeModel: (url: string) => Model;
  /** The content type of a streamed answer. @default 'text/event-stream; charset=utf-8' */
  streamContentType?: string;
  /** A whole stream answering `Hel` + `lo`. */
  answer: string;
  /** A whole non-streamed body answering `Hello`. */
  answerBody: unknown;
  /** What the `Hello` answer parses to (matched as a subset). */
  expectedHello: object;
  /** What a server sends after the end of {@link StreamContracts.answer}: more text, a junk frame, a late error. */
  afterEnd: string;
  /** How a stream error names what it could not read, e.g. `a "message" frame` or `a line`. */
  sent: string;
  /** A text delta of the wrong type in the middle of a stream. */
  textDelta: {
    /** The delta's name in titles, e.g. `a content delta`. */
    label: string;
    /** Where the text is in a frame, as the reader's errors name it, e.g. `choices[0].delta.content`. */
    path: string;
    /** A frame may leave the text out (a frame of another kind of content): a missing text is no error. @default false */
    optional?: boolean;
    /** The answer with the `lo` delta replaced by one carrying `value`. */
    badDelta: (value: unknown) => BadDelta;
    /** Where the wire also reads the same field in a body: the non-streamed answer carrying `value`. */
    body?: (value: unknown) => unknown;
  };
  /** Frames and bodies of the wrong shape, each failing with a `malformed` response error. */
  malformed: readonly MalformedCase[];
  /** Answers without any content that finished normally. */
  empty: {
    /** `[name, body]`: each non-streamed empty answer. */
    cases: readonly (readonly [string, unknown])[];
    /** The empty stream. */
    stream: string;
    /** The wire's finish reason of those answers. */
    rawFinishReason: string;
  };
  /** Empty bodies whose finish reason explains the emptiness, answered in turn. */
  explainedEmpty?: readonly { body: unknown; finishReason: string; rawFinishReason: string }[];
  /** A tool call cut by the token limit: its text kept, the call reported in a warning. */
  cutToolCall?: { stream: string; body?: unknown; expected: object };
  /** A body with a tool call whose arguments are invalid JSON, finished normally, and the choice it parses to. */
  invalidToolArguments?: { body: unknown; choice: readonly unknown[] };
  additionalParams: AdditionalParamsCase;
  /** `[name, request, message]` refused before anything is sent, beside `null` and a request without tools. */
  misuse: readonly (readonly [string, unknown, string | RegExp])[];
}

const malformedError = { name: 'CompletionError.Response', kind: 'response', reason: 'malformed' };

/**
 * Registers the wire contracts every provider keeps (issue 16), over a real loopback connection: a stream ends at
 * the wire's end and ignores what follows, frames and bodies of the wrong shape fail with the frame kept, empty
 * answers are refused unless their finish reason explains them, a tool call cut by the token limit becomes a
 * warning, additionalParams never turn a stream into a JSON call, and misuse fails before anything is sent.
 */
export function describeStreamContracts<Model extends ContractModel>(contracts: StreamContracts<Model>): void {
  const { provider, wire, end, answer, answerBody, sent } = contracts;
  const contentType = contracts.streamContentType ?? 'text/event-stream; charset=utf-8';
  const request = contractRequest;

  function sendStream(response: ServerResponse, body: string): void {
    response.writeHead(200, { 'content-type': contentType });
    response.end(body);
  }

  describe(`${wire} contracts`, () => {
    const loopback = useLoopbackModel(contracts.makeModel);
    /** Answers the first request with `body` (when given) and the next with `stream`. */
    const serveBodyThenStream = (body: unknown, stream: string | undefined) =>
      loopback.serve((_request, response, index) =>
        body !== undefined && index === 0 ? sendJson(response, 200, body) : sendStream(response, stream ?? ''),
      );

    describe(`the ${wire} stream ends at ${end}`, () => {
      it(`answers at once when the server holds the connection open after ${end}, and closes it`, async () => {
        const model = await loopback.serve((_request, response) => {
          response.writeHead(200, { 'content-type': contentType });
          response.write(answer);
        });
        const started = Date.now();
        const stream = await model.stream(request);
        const { items, error } = await collectStream(stream);
        expect(error).toBeUndefined();
        expect(streamedTexts(items)).toEqual(['Hel', 'lo']);
        expect(await stream.final).toMatchObject(contracts.expectedHello);
        // Not a hang: the idle timeout is 60 s.
        expect(Date.now() - started).toBeLessThan(5_000);
        await expect.poll(() => loopback.server.closedSockets, { timeout: 2_000 }).toBe(1);
      });

      it(`appends nothing after ${end}: more text, junk, a late error`, async () => {
        const model = await loopback.serve((_request, response) => sendStream(response, answer + contracts.afterEnd));
        const stream = await model.stream(request);
        const { items, error } = await collectStream(stream);
        expect(error).toBeUndefined();
        expect(streamedTexts(items)).toEqual(['Hel', 'lo']);
        expect(await stream.final).toMatchObject(contracts.expectedHello);
      });
    });

    describe(`${wire} frames and bodies of the wrong shape`, () => {
      const { label, path, optional, badDelta, body } = contracts.textDelta;
      const cases = WRONG_TEXTS.filter(([, value]) => value !== undefined || optional !== true).map(
        ([name, value, got]) => [name, value, `${path} is not a string (${got})`] as const,
      );
      it.each(cases)(
        `fails on ${label} that is %s, keeping the text before it and the frame as the body${body ? ', streamed or not' : ''}`,
        async (_name, value, reason) => {
          const bad = badDelta(value);
          const model = await serveBodyThenStream(body?.(value), bad.stream);
          if (body)
            await expect(model.completion(request)).rejects.toMatchObject({
              ...malformedError,
              message: `${provider} sent a response that rig-ts cannot read: ${reason}`,
            });
          const stream = await model.stream(request);
          const { items, error } = await collectStream(stream);
          expect(streamedTexts(items)).toEqual(['Hel']);
          expect(CompletionError.isInstance(error)).toBe(true);
          expect(error).toMatchObject({
            ...malformedError,
            isRetryable: false,
            message: `stream sent ${sent} that rig-ts cannot read: ${reason}`,
            body: bad.frame,
          });
          await expect(stream.final).rejects.toBe(error);
          expect(JSON.stringify(error)).not.toContain('[object Object]');
        },
      );

      it.each(contracts.malformed.map((malformed) => [malformed.name, malformed] as const))(
        'fails on %s',
        async (_name, malformed) => {
          const model = await serveBodyThenStream(malformed.body, malformed.stream);
          if (malformed.body !== undefined) {
            await expect(model.completion(request)).rejects.toMatchObject({
              ...malformedError,
              message: `${provider} sent a response that rig-ts cannot read: ${malformed.reason}`,
            });
          }
          if (malformed.stream !== undefined) {
            await expect((await model.stream(request)).final).rejects.toMatchObject({
              ...malformedError,
              message: `stream sent ${malformed.sent ?? sent} that rig-ts cannot read: ${malformed.reason}`,
            });
          }
        },
      );
    });

    describe(`empty ${wire} answers`, () => {
      const { cases, stream, rawFinishReason } = contracts.empty;
      it.each(cases)('refuses %s that finished normally, streamed or not', async (_name, body) => {
        const model = await serveBodyThenStream(body, stream);
        const emptyError = { name: 'CompletionError.Response', kind: 'response', reason: 'empty' };
        const emptiness = `an empty answer: no text, tool call or reasoning (finish reason "${rawFinishReason}")`;
        await expect(model.completion(request)).rejects.toMatchObject({
          ...emptyError,
          message: `${provider} sent ${emptiness}`,
        });
        await expect((await model.stream(request)).final).rejects.toMatchObject({
          ...emptyError,
          message: `the stream sent ${emptiness}`,
        });
      });

      const explained = contracts.explainedEmpty;
      if (explained) {
        it('answers an empty text with the finish reason that explains it', async () => {
          const model = await loopback.serve((_request, response, index) =>
            sendJson(response, 200, explained[index]!.body),
          );
          for (const { finishReason, rawFinishReason: raw } of explained) {
            const response = await model.completion(request);
            expect([response.choice, response.finishReason, response.rawFinishReason]).toEqual([
              [{ type: 'text', text: '' }],
              finishReason,
              raw,
            ]);
          }
        });
      }
    });

    const { cutToolCall, invalidToolArguments } = contracts;
    if (cutToolCall || invalidToolArguments) {
      describe(`the ${wire} tool call cut by the token limit`, () => {
        if (cutToolCall) {
          it(`keeps the text and reports the cut call${cutToolCall.body === undefined ? '' : ', streamed or not'}`, async () => {
            const model = await serveBodyThenStream(cutToolCall.body, cutToolCall.stream);
            if (cutToolCall.body !== undefined)
              expect(await model.completion(request)).toMatchObject(cutToolCall.expected);
            const stream = await model.stream(request);
            const { items, error } = await collectStream(stream);
            expect(error).toBeUndefined();
            expect(await stream.final).toMatchObject(cutToolCall.expected);
            expect(items.some((item) => item.type === 'tool-call')).toBe(false);
          });
        }
        if (invalidToolArguments) {
          it('keeps a call with invalid arguments when the answer finished otherwise, the text as written, for an agent to answer', async () => {
            const model = await loopback.serve((_request, response) =>
              sendJson(response, 200, invalidToolArguments.body),
            );
            const response = await model.completion(request);
            expect(response.choice).toEqual(invalidToolArguments.choice);
            expect(response.finishReason).toBe('tool-calls');
            expect(response.warnings).toBeUndefined();
          });
        }
      });
    }

    describe(`${wire} additionalParams and misuse`, () => {
      const { title, calls, warnings, bodies } = contracts.additionalParams;
      it(title, async () => {
        const model = await loopback.serve((_request, response, index) =>
          calls[index] === 'completion' ? sendJson(response, 200, answerBody) : sendStream(response, answer),
        );
        for (const call of calls) {
          const response =
            call === 'completion'
              ? await model.completion(contracts.additionalParams.request)
              : await (
                  await model.stream(contracts.additionalParams.request)
                ).final;
          expect(response.warnings).toEqual(warnings);
        }
        expect(loopback.server.requests.map((recorded) => JSON.parse(recorded.body) as unknown)).toEqual(bodies);
      });

      const misuse: (readonly [string, unknown, string | RegExp])[] = [
        ['null', null, 'a completion request must be an object (got null)'],
        [
          'a request without a tools array',
          { chatHistory: [Message.user('hi')], documents: [] },
          'tools must be an array of tool definitions (`[]` for none)',
        ],
        ...contracts.misuse,
      ];
      it.each(misuse)('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
        const model = await loopback.serve((_request, response) => sendJson(response, 200, answerBody));
        for (const call of [() => model.completion(value as never), () => model.stream(value as never)]) {
          const error = await call().then(
            () => undefined,
            (caught: unknown) => caught,
          );
          expect(CompletionError.isInstance(error), String(error)).toBe(true);
          expect(error).toMatchObject({ name: 'CompletionError.Request', kind: 'request', message: expected });
        }
        expect(loopback.server.requests).toEqual([]);
      });
    });
  });
}
