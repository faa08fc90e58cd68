import { CompletionError, type CompletionModel } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';

/** The transport settings {@link describeUnexpectedAnswers} gives the model it makes. */
export interface AnswerTransport {
  /** Answers every request with the case's canned response. */
  fetch: typeof globalThis.fetch;
  /** Set to 0 for the malformed answers, so each is read once. */
  maxRetries?: number;
  /** Set to 1000 for the rate-limit case, below its 30-second `retry-after`. */
  maxRetryDelayMs?: number;
}

/** What a provider answers wrongly, as {@link describeUnexpectedAnswers} sends it. */
export interface UnexpectedAnswers {
  /** The provider's name as its errors word it (`Gemini sent a response …`). */
  provider: string;
  /** The describe title's prefix, e.g. the model class where one file tests two. @default none */
  subject?: string;
  /** JSON bodies, each answered with status 200, that the model must refuse as a `malformed` response error. */
  malformedBodies: readonly string[];
  /** The provider's 429 body; when given, a `retry-after` over `maxRetryDelayMs` must fail at once. @default none */
  rateLimitBody?: string;
  /** Makes a model of the package whose transport has `transport`; each case sends it the prompt `Hello`. */
  model: (transport: AnswerTransport) => CompletionModel;
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );

const sendHello = (model: CompletionModel): Promise<unknown> => model.completionRequest('Hello').send();

/**
 * Registers the checks of answers a provider's model must refuse: each body of the wrong shape fails with a
 * `CompletionError.Response` of reason `malformed`, not retryable, worded `<provider> sent a response that rig-ts
 * cannot read: …`; and, with `rateLimitBody`, a 429 asking to wait longer than `maxRetryDelayMs` fails after one
 * request with the http error keeping its `retry-after`, without waiting.
 */
export function describeUnexpectedAnswers(options: UnexpectedAnswers): void {
  const { provider, malformedBodies, rateLimitBody, model } = options;
  const prefix = options.subject === undefined ? '' : `${options.subject} and `;

  describe(`${prefix}an answer of an unexpected shape`, () => {
    it.each(malformedBodies)('turns %s into a malformed response error', async (body) => {
      const fetch = (async () =>
        new Response(body, { headers: { 'content-type': 'application/json' } })) as unknown as typeof globalThis.fetch;
      const error = await failureOf(sendHello(model({ fetch, maxRetries: 0 })));
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        name: 'CompletionError.Response',
        kind: 'response',
        reason: 'malformed',
        isRetryable: false,
      });
      const wording = `${provider} sent a response that rig-ts cannot read: `;
      expect((error as Error).message.slice(0, wording.length)).toBe(wording);
    });
  });

  if (rateLimitBody === undefined) return;
  describe(`${prefix}a server asking to wait longer than maxRetryDelayMs`, () => {
    it('fails at once, after one request, with the http error keeping retry-after', async () => {
      let calls = 0;
      const fetch = async (): Promise<Response> => {
        calls++;
        return new Response(rateLimitBody, {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '30' },
        });
      };
      const started = Date.now();
      const error = await failureOf(sendHello(model({ fetch, maxRetryDelayMs: 1000 })));
      expect(calls).toBe(1);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'http', status: 429, attempts: 1, headers: { 'retry-after': '30' } });
      // A generous "not a hang" bound: waiting the 30 seconds asked would exceed it.
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
}
