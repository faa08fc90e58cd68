import * as anthropic from '@rig-ts/anthropic';
import * as openai from '@rig-ts/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { mapConcurrent } from './map-concurrent.js';
import { pacedFetch } from './paced-fetch.js';
import { startRateLimitedServer, type RateLimitedServer } from './test-utils/rate-limited-server.js';

let server: RateLimitedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Requests per second, the bucket holding as many. Kept low so that the client's own work (a 2-core machine shared with
// other jobs) never limits the rate: the run measures the pacing.
const LIMIT = 20;
const PROMPTS = Array.from({ length: 220 }, (_, index) => `Classify review ${index}`);

/** Requests per second after the bucket's first `LIMIT`, from the server's own arrival times (the first to the last). */
function steadyRate(answered: number[]): number {
  return (answered.length - LIMIT) / ((answered.at(-1)! - answered[0]!) / 1000);
}

describe('pacedFetch under real clients against a server that enforces a rate limit', () => {
  it.each(['openai', 'anthropic'] as const)(
    "%s: 220 prompts, 32 at a time — at most one 429, and the limit's rate within 10%%",
    async (style) => {
      server = await startRateLimitedServer({ limit: LIMIT, windowMs: 1000, style });
      const paced = pacedFetch();
      const model =
        style === 'openai'
          ? openai.chatCompletionsModel(
              new openai.Client({ apiKey: 'sk', baseURL: `${server.url}/v1`, fetch: paced }),
              'gpt-4.1-nano',
            )
          : new anthropic.Client({ apiKey: 'sk', baseURL: `${server.url}/v1`, fetch: paced }).completionModel(
              'claude-sonnet-4-5',
            );
      const answers = await mapConcurrent(PROMPTS, (prompt, _index, { signal }) => model.prompt(prompt, { signal }), {
        concurrency: 32,
      });
      expect(answers).toHaveLength(220);
      expect(answers.every((answer) => answer.length > 0)).toBe(true);
      const { answered, limited } = await server.stats();
      expect(limited.length).toBeLessThanOrEqual(1);
      expect(answered).toHaveLength(220);
      const rate = steadyRate(answered);
      expect(rate).toBeGreaterThan(LIMIT * 0.9);
      expect(rate).toBeLessThan(LIMIT * 1.1);
    },
    60_000,
  );

  it('without it, the same run meets a storm of 429s (the server does enforce the limit)', async () => {
    server = await startRateLimitedServer({ limit: LIMIT, windowMs: 1000, style: 'openai' });
    const model = openai.chatCompletionsModel(
      new openai.Client({ apiKey: 'sk', baseURL: `${server.url}/v1`, maxRetries: 0 }),
      'gpt-4.1-nano',
    );
    const outcomes = await mapConcurrent(
      PROMPTS,
      (prompt) =>
        model.prompt(prompt).then(
          () => 'ok',
          () => 'failed',
        ),
      { concurrency: 32 },
    );
    expect(outcomes.filter((outcome) => outcome === 'failed').length).toBeGreaterThan(10);
    expect((await server.stats()).limited.length).toBeGreaterThan(10);
  }, 60_000);
});
