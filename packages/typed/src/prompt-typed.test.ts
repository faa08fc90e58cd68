import {
  CompletionError,
  isCancelled,
  Message,
  PromptError,
  StructuredOutputError,
  type CompletionRequest,
} from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { promptTyped, promptTypedWithDetails } from './prompt-typed.js';
import { ScriptedModel, textResponse } from './test-utils/scripted-model.js';
import { Profile, SentimentAnalysis } from './test-utils/schemas.gen.js';
import type { TypedPrompt } from './typed-prompt.js';

const PROMPT = "Analyze the sentiment of: 'I love this product!'";

const sentimentOutputSchema = {
  name: 'SentimentAnalysis',
  description: 'The sentiment of a text.',
  schema: {
    description: 'The sentiment of a text.',
    type: 'object',
    properties: {
      score: { description: 'The sentiment score from -1.0 to 1.0', minimum: -1, maximum: 1, type: 'number' },
      label: { description: 'The sentiment label', type: 'string' },
    },
    required: ['label', 'score'],
  },
};

function firstRequest(prompt: string = PROMPT): CompletionRequest {
  return { chatHistory: [Message.user(prompt)], documents: [], tools: [], outputSchema: sentimentOutputSchema };
}

describe('promptTyped', () => {
  it("answers the seed's SentimentAnalysis example with a validated value, asking for native structured output", async () => {
    const model = new ScriptedModel([textResponse('{"score":0.95,"label":"positive"}')]);
    const result = await promptTyped(model, SentimentAnalysis, PROMPT);
    expect(result).toEqual({ score: 0.95, label: 'positive' });
    expect(model.requests).toEqual([{ request: firstRequest(), options: {} }]);
  });

  it('reads JSON wrapped in a fence or in prose', async () => {
    const model = new ScriptedModel([
      textResponse('Here it is:\n```json\n{"score": -0.5, "label": "negative"}\n```'),
      textResponse('Sure! {"score": 0, "label": "neutral"} Let me know if you need more.'),
    ]);
    expect(await promptTyped(model, SentimentAnalysis, PROMPT)).toEqual({ score: -0.5, label: 'negative' });
    expect(await promptTyped(model, SentimentAnalysis, PROMPT)).toEqual({ score: 0, label: 'neutral' });
  });

  it('fails with a validation error carrying the raw text and the issues when repairs are off', async () => {
    const raw = '{"score": 7, "label": 1}';
    const model = new ScriptedModel([textResponse(raw)]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT, { maxRepairs: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'StructuredOutputError.Validation',
      kind: 'validation',
      message:
        'the model\'s answer does not match the schema "SentimentAnalysis": /score must be <= 1; /label must be string',
      rawText: raw,
      value: { score: 7, label: 1 },
      errors: [
        { path: '/score', message: 'must be <= 1', keyword: 'maximum' },
        { path: '/label', message: 'must be string', keyword: 'type' },
      ],
    });
    expect(model.requests.length).toBe(1);
  });

  it('sends the errors back once by default and returns the corrected answer, usage summed over both calls', async () => {
    const model = new ScriptedModel([
      textResponse(
        '{"score": 7, "label": "positive"}',
        { promptTokens: 40, completionTokens: 10, totalTokens: 50, cachedPromptTokens: 8 },
        'msg_1',
      ),
      textResponse(
        '{"score": 1, "label": "positive"}',
        { promptTokens: 90, completionTokens: 9, totalTokens: 99 },
        'msg_2',
      ),
    ]);
    const result = await promptTypedWithDetails(model, SentimentAnalysis, PROMPT);
    const repair =
      'Your answer does not match the JSON schema "SentimentAnalysis":\n- /score: must be <= 1\nReply with only the corrected JSON value.';
    expect(result.value).toEqual({ score: 1, label: 'positive' });
    expect(result.usage).toEqual({ promptTokens: 130, completionTokens: 19, totalTokens: 149, cachedPromptTokens: 8 });
    expect(result.responses.map((response) => response.id)).toEqual(['msg_1', 'msg_2']);
    expect(result.messages).toEqual([
      Message.user(PROMPT),
      Message.assistant('{"score": 7, "label": "positive"}'),
      Message.user(repair),
      Message.assistant('{"score": 1, "label": "positive"}'),
    ]);
    expect(model.requests.map(({ request }) => request)).toEqual([
      firstRequest(),
      {
        chatHistory: [
          Message.user(PROMPT),
          Message.assistant('{"score": 7, "label": "positive"}'),
          Message.user(repair),
        ],
        documents: [],
        tools: [],
        outputSchema: sentimentOutputSchema,
      },
    ]);
  });

  it('repairs an answer that is not JSON, and fails with the last error once repairs run out', async () => {
    const model = new ScriptedModel([textResponse('I think it is positive.'), textResponse('Positive, definitely.')]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'StructuredOutputError.Json',
      kind: 'json',
      message: 'the model\'s answer holds no valid JSON (expected "SentimentAnalysis"): Positive, definitely.',
      rawText: 'Positive, definitely.',
    });
    expect(model.requests[1]!.request.chatHistory.at(-1)).toEqual(
      Message.user(
        'Your answer is not valid JSON. Reply with only a JSON value that matches the JSON schema "SentimentAnalysis", with no other text.',
      ),
    );
  });

  it('fails at once on an empty answer', async () => {
    const model = new ScriptedModel([textResponse('  ')]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'StructuredOutputError.Empty',
      kind: 'empty',
      message: 'the model returned no text (expected JSON for "SentimentAnalysis")',
      rawText: '  ',
    });
    expect(model.requests.length).toBe(1);
  });

  it('turns a failed call into a completion error whose cause is the CompletionError', async () => {
    const cause = new CompletionError({
      kind: 'http',
      status: 503,
      message: 'HTTP 503 Service Unavailable: POST http://127.0.0.1/v1/chat/completions',
    });
    const model = new ScriptedModel([cause]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT).catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'StructuredOutputError.Completion',
      kind: 'completion',
      message: cause.message,
    });
    expect((error as Error).cause).toBe(cause);
  });

  it('rejects a cancelled call with the signal’s reason itself, as every rig-ts call does', async () => {
    const controller = new AbortController();
    const reason = new DOMException('stop', 'AbortError');
    controller.abort(reason);
    const model = new ScriptedModel([new TypeError('what the model threw as it stopped')]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT, { signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBe(reason);
    expect(isCancelled(error)).toBe(true);
  });

  it('reports anything else a model throws as a completion error, never raw', async () => {
    const bug = new TypeError('a bug in a custom model');
    const error = await promptTyped(new ScriptedModel([bug]), SentimentAnalysis, PROMPT).catch(
      (caught: unknown) => caught,
    );
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'completion',
      message: 'the model call failed with an unexpected error: TypeError: a bug in a custom model',
    });
    expect(((error as Error).cause as Error).cause).toBe(bug);
  });

  it('rethrows what is not a model failure unchanged', async () => {
    const bug = new TypeError('a bug in a hook');
    const model = new ScriptedModel([textResponse('{}')]);
    const error = await promptTyped(model, SentimentAnalysis, PROMPT, {
      configureRequest: () => {
        throw bug;
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBe(bug);
  });

  it('applies the request options on every call and passes only the call options to the model', async () => {
    const signal = new AbortController().signal;
    const model = new ScriptedModel([
      textResponse('{"score": 2, "label": "x"}'),
      textResponse('{"score": 0.1, "label": "x"}'),
    ]);
    const history = [Message.user('Earlier question'), Message.assistant('Earlier answer')];
    await promptTyped(model, SentimentAnalysis, Message.user(PROMPT), {
      history,
      preamble: 'Answer in JSON.',
      temperature: 0,
      maxTokens: 200,
      configureRequest: (builder) => builder.additionalParams({ seed: 7 }).document({ id: 'doc-1', text: 'Reviews' }),
      signal,
      headers: { 'x-trace': '1' },
      timeoutMs: 5000,
      maxRetries: 0,
    });
    const shared = {
      preamble: 'Answer in JSON.',
      temperature: 0,
      maxTokens: 200,
      additionalParams: { seed: 7 },
      documents: [{ id: 'doc-1', text: 'Reviews' }],
      tools: [],
      outputSchema: sentimentOutputSchema,
    };
    expect(model.requests[0]).toEqual({
      request: { ...shared, chatHistory: [...history, Message.user(PROMPT)] },
      options: { signal, headers: { 'x-trace': '1' }, timeoutMs: 5000, maxRetries: 0 },
    });
    expect(model.requests[1]!.request).toEqual({
      ...shared,
      chatHistory: [
        ...history,
        Message.user(PROMPT),
        Message.assistant('{"score": 2, "label": "x"}'),
        Message.user(
          'Your answer does not match the JSON schema "SentimentAnalysis":\n- /score: must be <= 1\nReply with only the corrected JSON value.',
        ),
      ],
    });
    expect(history).toEqual([Message.user('Earlier question'), Message.assistant('Earlier answer')]);
  });

  it('drops the nulls strict mode writes for optional properties before validating', async () => {
    const answer =
      '{"name":"Ada","nickname":null,"middleName":null,"address":{"city":"London","zip":null},"tags":null}';
    const model = new ScriptedModel([textResponse(answer)]);
    expect(await promptTyped(model, Profile, 'Who wrote the first program?', { maxRepairs: 0 })).toEqual({
      name: 'Ada',
      middleName: null,
      address: { city: 'London' },
    });
  });

  it('replays reasoning with the answer before a repair request, and leaves out tool calls', async () => {
    const model = new ScriptedModel([
      {
        choice: [
          { type: 'reasoning', content: [{ type: 'text', text: 'thinking', signature: 'sig' }] },
          { type: 'text', text: '{"score": 3, "label": "x"}' },
          { type: 'tool-call', id: 'call_1', function: { name: 'lookup', arguments: {} } },
        ],
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
        finishReason: 'stop',
        rawResponse: {},
      },
      textResponse('{"score": 0.3, "label": "x"}'),
    ]);
    await promptTyped(model, SentimentAnalysis, PROMPT);
    expect(model.requests[1]!.request.chatHistory[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', content: [{ type: 'text', text: 'thinking', signature: 'sig' }] },
        { type: 'text', text: '{"score": 3, "label": "x"}' },
      ],
    });
  });

  it('is what an agent implements as TypedPrompt', async () => {
    const model = new ScriptedModel([textResponse('{"score":0.5,"label":"positive"}')]);
    const agent: TypedPrompt = {
      promptTyped: (schema, prompt, options) =>
        promptTyped(model, schema, prompt, { preamble: 'You are a sentiment analyst.', ...options }),
    };
    const result = await agent.promptTyped(SentimentAnalysis, PROMPT);
    const score: number = result.score;
    expect(score).toBe(0.5);
    expect(model.requests[0]!.request.preamble).toBe('You are a sentiment analyst.');
  });
});
