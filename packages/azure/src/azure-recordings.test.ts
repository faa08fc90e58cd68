import { chunkLines, chunksToWire, readJsonFixture } from '@rig-ts/fixtures';
import {
  describeRecordings,
  jsonResponse,
  recordingFetch,
  replayRequest,
  responsesSegments,
  sseResponse,
  type Expectations,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as azure from './index.js';

const client = (fetch: typeof globalThis.fetch) =>
  new azure.Client({ apiKey: 'azure-test', resourceName: 'rig-test', fetch, maxRetries: 0 });

describeRecordings('Azure OpenAI', {
  expectations: expectations as Expectations,
  chatModel: (fetch) => azure.chatCompletionsModel(client(fetch), 'deepseek-v4-pro'),
  responsesModel: (fetch) => client(fetch).completionModel('gpt-5-mini'),
  recordings: {
    chat: [
      'azure/vercel-ai/azure-deepseek-reasoning.1.json',
      'azure/vercel-ai/azure-deepseek-reasoning.1.chunks.txt',
      'azure/vercel-ai/azure-model-router.1.chunks.txt',
    ],
    responses: 12,
  },
});

describe('Azure OpenAI recordings, by hand', () => {
  it('reads the model-router stream: an empty first chunk with prompt filter results, content filter results on choices', async () => {
    const lines = chunkLines('azure/vercel-ai/azure-model-router.1.chunks.txt');
    const first = JSON.parse(lines[0]!);
    expect([first.id, first.model, first.choices, first.prompt_filter_results.length]).toEqual(['', '', [], 1]);
    const stream = await azure
      .chatCompletionsModel(
        client(recordingFetch(() => sseResponse([chunksToWire(lines, 'chat')])).fetch),
        'model-router',
      )
      .stream(replayRequest);
    const texts: string[] = [];
    for await (const text of stream.textStream) texts.push(text);
    const final = await stream.final;
    expect(texts.join('')).toBe('Capital of Denmark.');
    expect([final.id, final.model, final.finishReason]).toEqual([
      'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt',
      'gpt-5-nano-2025-08-07',
      'stop',
    ]);
    expect(final.usage).toEqual({
      promptTokens: 15,
      completionTokens: 78,
      totalTokens: 93,
      cachedPromptTokens: 0,
      reasoningTokens: 64,
    });
  });

  it('reads the reasoning_content of DeepSeek on Azure AI Foundry, streamed and not, into the same blocks', async () => {
    const unary = await azure
      .chatCompletionsModel(
        client(
          recordingFetch(() => jsonResponse(readJsonFixture('azure/vercel-ai/azure-deepseek-reasoning.1.json'))).fetch,
        ),
        'deepseek-v4-pro',
      )
      .completion(replayRequest);
    expect(unary.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    expect(unary.choice[0]).toMatchObject({
      type: 'reasoning',
      content: [
        { type: 'text', text: expect.stringMatching(/^We need to invent a new holiday around the latest Knicks game/) },
      ],
    });
    const streamed = await (
      await azure
        .chatCompletionsModel(
          client(
            recordingFetch(() =>
              sseResponse([chunksToWire(chunkLines('azure/vercel-ai/azure-deepseek-reasoning.1.chunks.txt'), 'chat')]),
            ).fetch,
          ),
          'deepseek-v4-pro',
        )
        .stream(replayRequest)
    ).final;
    expect(streamed.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    expect(streamed.usage).toEqual({ promptTokens: 19, completionTokens: 1720, totalTokens: 1739 });
  });

  it('keeps encrypted reasoning and the three calculator calls of the Responses streams', async () => {
    // vercel/ai recorded the three turns of one multi-step call in one file: each is a stream of its own, ended by its
    // response.completed (what follows an end event is not read into the answer).
    const lines = chunkLines('azure/vercel-ai/azure-reasoning-encrypted-content.1.chunks.txt');
    const turns = responsesSegments(
      lines.map((line, position) => ({ type: (JSON.parse(line) as { type?: string }).type, position })),
    ).map((segment) => segment.map((event) => lines[event.position]!));
    const finals = [];
    for (const turn of turns)
      finals.push(
        await (
          await client(recordingFetch(() => sseResponse([chunksToWire(turn, 'typed-events')])).fetch)
            .completionModel('gpt-5.1-codex-max')
            .stream(replayRequest)
        ).final,
      );
    expect(
      finals.flatMap((final) =>
        final.choice
          .filter((block) => block.type === 'tool-call')
          .map((block) => (block.type === 'tool-call' ? block.function.arguments : undefined)),
      ),
    ).toEqual([
      { a: 12, b: 7, op: 'add' },
      { a: 19, b: 3, op: 'multiply' },
      { a: 57, b: 10, op: 'multiply' },
    ]);
    const reasoning = finals[0]!.choice.find((block) => block.type === 'reasoning');
    expect(
      reasoning?.type === 'reasoning' &&
        reasoning.content.some((part) => part.type === 'encrypted' && part.data.length > 100),
    ).toBe(true);

    // Read as one body, the first response.completed ends it: only the first turn's call.
    const whole = await (
      await client(recordingFetch(() => sseResponse([chunksToWire(lines, 'typed-events')])).fetch)
        .completionModel('gpt-5.1-codex-max')
        .stream(replayRequest)
    ).final;
    expect(whole.choice.filter((block) => block.type === 'tool-call')).toEqual(
      finals[0]!.choice.filter((block) => block.type === 'tool-call'),
    );
  });
});
