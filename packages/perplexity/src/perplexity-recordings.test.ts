import { chunkLines, readJsonFixture } from '@rig-ts/fixtures';
import { describePresetRecordings, replayCompletion, replayStream } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as perplexity from './index.js';

const model = describePresetRecordings('Perplexity', {
  Client: perplexity.Client,
  modelId: 'sonar',
  expectations,
  chat: 4,
});

describe('Perplexity recordings, by hand', () => {
  it.each(['perplexity/vercel-ai/perplexity-citations', 'perplexity/vercel-ai/perplexity-text'])(
    'keeps the citations of %s on the text block, streamed and not',
    async (name) => {
      const body = readJsonFixture(`${name}.json`);
      const unary = await replayCompletion(model, body);
      expect(unary.choice).toEqual([
        {
          type: 'text',
          text: body.choices[0].message.content,
          providerMetadata: { openai: { citations: body.citations } },
        },
      ]);
      const lines = chunkLines(`${name}.chunks.txt`);
      const lastCitations = JSON.parse(lines.at(-1)!).citations;
      const streamed = await (await replayStream(model, [lines.map((line) => `data: ${line}\n\n`).join('')])).final;
      expect(streamed.choice).toEqual([
        {
          type: 'text',
          text: lines.map((line) => JSON.parse(line).choices[0].delta.content).join(''),
          providerMetadata: { openai: { citations: lastCitations } },
        },
      ]);
      expect(lastCitations.length).toBeGreaterThan(0);
    },
  );

  it('ends a stream on its finish-reason chunk without [DONE], and calls a stream cut before it truncated', async () => {
    const lines = chunkLines('perplexity/vercel-ai/perplexity-text.chunks.txt');
    const withoutDone = lines.map((line) => `data: ${line}\n\n`).join('');
    const streamed = await (await replayStream(model, [withoutDone])).final;
    expect([streamed.finishReason, streamed.usage]).toEqual([
      'stop',
      { promptTokens: 11, completionTokens: 434, totalTokens: 445 },
    ]);
    const cut = lines
      .slice(0, -1)
      .map((line) => `data: ${line}\n\n`)
      .join('');
    const truncated = await (await replayStream(model, [cut])).final.catch((caught: unknown) => caught);
    expect(truncated).toMatchObject({ kind: 'response', reason: 'truncated' });
  });
});
