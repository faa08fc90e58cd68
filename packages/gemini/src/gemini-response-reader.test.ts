import { CompletionError, type CompletionResponse } from '@rig-ts/core';
import { StreamAccumulator } from '@rig-ts/streaming/internal';
import { describe, expect, it } from 'vitest';
import type { GeminiPart, GeminiResponse } from './gemini-api-types.js';
import { GeminiResponseReader } from './gemini-response-reader.js';

/** Reads `events` in turn, as a stream would, and returns the aggregated response. */
function read(...events: GeminiResponse[]): CompletionResponse<GeminiResponse> {
  const accumulator = new StreamAccumulator<GeminiResponse>();
  const reader = new GeminiResponseReader();
  for (const event of events) reader.read(event, accumulator);
  reader.finish(accumulator);
  return accumulator.finish();
}

const event = (parts: GeminiPart[], finishReason?: string): GeminiResponse => ({
  candidates: [{ content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}) }],
  responseId: 'resp-1',
});

describe('GeminiResponseReader', () => {
  it('assembles streamed arguments: strings continued while flagged, numbers, booleans, nulls, nested arrays', () => {
    const response = read(
      event([{ functionCall: { name: 'plan', willContinue: true } }]),
      event([
        {
          functionCall: {
            partialArgs: [{ jsonPath: '$.title', stringValue: 'Trip to ', willContinue: true }],
            willContinue: true,
          },
        },
      ]),
      event([{ functionCall: { partialArgs: [{ jsonPath: '$.title', stringValue: 'Lisbon' }], willContinue: true } }]),
      event([{ functionCall: { partialArgs: [{ jsonPath: '$.title', stringValue: '!' }], willContinue: true } }]),
      event([
        {
          functionCall: {
            partialArgs: [
              { jsonPath: '$.days[0].stops[1]', stringValue: 'Belém' },
              { jsonPath: '$.days[0].budget', numberValue: 120.5 },
              { jsonPath: '$.days[1].rest', boolValue: true },
              { jsonPath: "$['notes']", nullValue: 'NULL_VALUE' },
            ],
            willContinue: true,
          },
        },
      ]),
      event([{ functionCall: {} }], 'STOP'),
    );
    expect(response.choice).toEqual([
      {
        type: 'tool-call',
        id: 'gemini-resp-1-0',
        function: {
          name: 'plan',
          arguments: { title: '!', days: [{ stops: [null, 'Belém'], budget: 120.5 }, { rest: true }], notes: null },
        },
      },
    ]);
  });

  it('sets a streamed `__proto__` argument as data, never on the prototype', () => {
    const response = read(
      event([{ functionCall: { name: 'f', willContinue: true } }]),
      event([{ functionCall: { partialArgs: [{ jsonPath: '$.__proto__.polluted', stringValue: 'yes' }] } }], 'STOP'),
    );
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    const args = (response.choice[0] as { function: { arguments: { [key: string]: unknown } } }).function.arguments;
    expect(Object.getOwnPropertyNames(args)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(args, '__proto__')!.value).toEqual({ polluted: 'yes' });
  });

  it('keeps the call ids Gemini sends, as id and callId, and a signature sent on a later piece', () => {
    const response = read(
      event([{ functionCall: { id: 'fc-1', name: 'lookup', args: { q: 'x' } } }]),
      event([{ functionCall: { id: 'fc-2', name: 'lookup', willContinue: true } }]),
      event(
        [{ functionCall: { partialArgs: [{ jsonPath: '$.q', stringValue: 'y' }] }, thoughtSignature: 'c2ln' }],
        'STOP',
      ),
    );
    expect(response.choice).toEqual([
      { type: 'tool-call', id: 'fc-1', callId: 'fc-1', function: { name: 'lookup', arguments: { q: 'x' } } },
      {
        type: 'tool-call',
        id: 'fc-2',
        callId: 'fc-2',
        signature: 'c2ln',
        function: { name: 'lookup', arguments: { q: 'y' } },
      },
    ]);
  });

  it('splits reasoning where other content comes between, and where a second signature starts a new thought', () => {
    const response = read(
      event([
        { text: 'Plan A. ', thought: true },
        { text: 'More. ', thought: true, thoughtSignature: 'c2lnLTE=' },
      ]),
      event([{ text: 'Plan B.', thought: true, thoughtSignature: 'c2lnLTI=' }]),
      event([{ text: 'Answer.' }]),
      event([{ text: 'Afterthought.', thought: true }]),
      event([{ text: '' }], 'STOP'),
    );
    expect(response.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: 'Plan A. More. ', signature: 'c2lnLTE=' }] },
      { type: 'reasoning', content: [{ type: 'text', text: 'Plan B.', signature: 'c2lnLTI=' }] },
      { type: 'text', text: 'Answer.' },
      { type: 'reasoning', content: [{ type: 'text', text: 'Afterthought.' }] },
    ]);
  });

  it('keeps a signature sent on an empty thought part', () => {
    expect(
      read(event([{ text: '', thought: true, thoughtSignature: 'c2ln' }, { text: 'Hi.' }], 'STOP')).choice,
    ).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: '', signature: 'c2ln' }] },
      { type: 'text', text: 'Hi.' },
    ]);
  });

  it('puts a signature arriving on an empty text part after a call on its own empty text block', () => {
    expect(
      read(
        event([{ text: 'Let me check.' }, { functionCall: { name: 'f', args: {} } }]),
        event([{ text: '', thoughtSignature: 'c2ln' }], 'STOP'),
      ).choice,
    ).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool-call', id: 'gemini-resp-1-0', function: { name: 'f', arguments: {} } },
      { type: 'text', text: '', providerMetadata: { gemini: { thoughtSignature: 'c2ln' } } },
    ]);
  });

  it('starts a new text block at a second text signature, so each signature goes back on its own part', () => {
    expect(
      read(
        event([{ text: 'One.', thoughtSignature: 'c2lnLTE=' }, { text: ' Two.' }]),
        event([{ text: ' Three.', thoughtSignature: 'c2lnLTI=' }], 'STOP'),
      ).choice,
    ).toEqual([
      { type: 'text', text: 'One. Two.', providerMetadata: { gemini: { thoughtSignature: 'c2lnLTE=' } } },
      { type: 'text', text: ' Three.', providerMetadata: { gemini: { thoughtSignature: 'c2lnLTI=' } } },
    ]);
  });

  it('leaves code-execution and inline-data parts to rawResponse, and keeps the last of intermediate finish reasons', () => {
    const response = read(
      event([{ text: 'Computing.' }, { executableCode: { language: 'PYTHON', code: 'print(6*7)' } }], 'STOP'),
      event(
        [
          { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw==' } },
          { text: ' It is 42.' },
        ],
        'MAX_TOKENS',
      ),
    );
    expect(response.choice).toEqual([{ type: 'text', text: 'Computing. It is 42.' }]);
    expect(response.finishReason).toBe('length');
    expect(response.rawFinishReason).toBe('MAX_TOKENS');
  });

  it('reads usage only from events that carry counts', () => {
    const accumulator = new StreamAccumulator<GeminiResponse>();
    const reader = new GeminiResponseReader();
    reader.read(
      {
        ...event([{ text: 'a' }]),
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 },
      },
      accumulator,
    );
    reader.read({ ...event([{ text: 'b' }]), usageMetadata: { trafficType: 'ON_DEMAND' } }, accumulator);
    expect(accumulator.usage).toBeUndefined();
    reader.finish(accumulator);
    expect(accumulator.usage).toEqual({ promptTokens: 5, completionTokens: 1, totalTokens: 6 });
    expect(reader.finished).toBe(false);
  });

  it('turns a blocked prompt into a provider error with the reason and its message', () => {
    const reader = new GeminiResponseReader();
    const error = (() => {
      try {
        reader.read(
          { promptFeedback: { blockReason: 'SAFETY', blockReasonMessage: 'The prompt violates the policy.' } },
          new StreamAccumulator(),
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: false,
      providerError: { type: 'SAFETY', message: 'The prompt violates the policy.' },
      message: 'Gemini blocked the prompt (blockReason SAFETY): The prompt violates the policy.',
    });
  });

  it('turns an error event into a provider error, retryable by its code', () => {
    const read400 = () =>
      new GeminiResponseReader().read(
        { error: { code: 400, message: 'Bad part.', status: 'INVALID_ARGUMENT' } },
        new StreamAccumulator(),
      );
    expect(read400).toThrow(
      expect.objectContaining({
        kind: 'provider',
        isRetryable: false,
        providerError: { message: 'Bad part.', type: 'INVALID_ARGUMENT', code: 400 },
      }),
    );
  });
});
