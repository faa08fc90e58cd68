import { describe, expect, it } from 'vitest';
import { deriveGeminiExpectations, geminiExpectation, geminiRecordedEvents } from './derive-gemini-expectations.js';

// The literal values below were read off the recordings by hand (they were the Gemini package's hand-written table).
const P = 'google/pydantic-ai/';
const V = 'google/vercel-ai/';

function signatureAt(file: string, event: number, part: number): string {
  return geminiRecordedEvents(file)[event]!.candidates[0].content.parts[part].thoughtSignature;
}

function joined(file: string, thought: boolean): string {
  return geminiRecordedEvents(file)
    .flatMap((event) => event.candidates?.[0]?.content?.parts ?? [])
    .filter(
      (part: { thought?: boolean; text?: string }) => Boolean(part.thought) === thought && part.text !== undefined,
    )
    .map((part: { text: string }) => part.text)
    .join('');
}

describe('deriveGeminiExpectations', () => {
  const expectations = deriveGeminiExpectations(['google']);

  it('derives every answer body and stream, leaving the embedding and error bodies out', () => {
    expect(Object.keys(expectations).filter((file) => file.endsWith('.json'))).toHaveLength(12);
    expect(Object.keys(expectations).filter((file) => !file.endsWith('.json'))).toHaveLength(18);
    expect(expectations).not.toHaveProperty([`${V}google-vertex-embedding.json`]);
    expect(expectations).not.toHaveProperty([`${V}google-429-retry-info.json`]);
  });

  it('thought summaries are one reasoning block; Gemini 2.5 signs the first answer part, so the signature stays on the text', () => {
    const file = `${P}test_google_model_thinking_part_iter.0.response.sse`;
    expect(expectations[file]).toEqual({
      id: 'beHBaJfEMIi-qtsP3769-Q8',
      model: 'gemini-2.5-pro',
      usage: { promptTokens: 34, completionTokens: 1256, totalTokens: 1290, reasoningTokens: 787 },
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      choice: [
        { type: 'reasoning', content: [{ type: 'text', text: joined(file, true) }] },
        {
          type: 'text',
          text: joined(file, false),
          providerMetadata: { gemini: { thoughtSignature: signatureAt(file, 4, 0) } },
        },
      ],
    });
  });

  it('a signature on a last, empty text part belongs to the text before it', () => {
    const file = `${V}google-reasoning-gemini3.chunks.txt`;
    expect(expectations[file]!.choice).toEqual([
      {
        type: 'text',
        text: 'There are **3** "r"s in strawberry.\n\nSt**r**awbe**rr**y',
        providerMetadata: { gemini: { thoughtSignature: signatureAt(file, 2, 0) } },
      },
    ]);
  });

  it('tool-use prompt tokens are input, thoughts are output', () => {
    expect(expectations[`${P}test_google_model_web_search_tool_stream.1.response.json`]!.usage).toEqual({
      promptTokens: 568,
      completionTokens: 541,
      totalTokens: 1109,
      reasoningTokens: 301,
    });
  });

  it('calls get ids from the response id, the first one its signature; streamed calls without arguments have {}', () => {
    const file = `${V}google-stream-no-args-tool-call.chunks.txt`;
    expect(expectations[file]).toMatchObject({
      finishReason: 'tool-calls',
      rawFinishReason: 'STOP',
      usage: { promptTokens: 249, completionTokens: 241, totalTokens: 490, reasoningTokens: 183 },
    });
    expect(expectations[file]!.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: joined(file, true) }] },
      {
        type: 'tool-call',
        id: 'gemini-_vr4aYiWEJnYodAPkujX0QM-0',
        function: { name: 'read_theme', arguments: {} },
        signature: signatureAt(file, 1, 0),
      },
      {
        type: 'tool-call',
        id: 'gemini-_vr4aYiWEJnYodAPkujX0QM-1',
        function: { name: 'read_screen', arguments: { id: 'A' } },
      },
      {
        type: 'tool-call',
        id: 'gemini-_vr4aYiWEJnYodAPkujX0QM-2',
        function: { name: 'read_screen', arguments: { id: 'B' } },
      },
      {
        type: 'tool-call',
        id: 'gemini-_vr4aYiWEJnYodAPkujX0QM-3',
        function: { name: 'read_screen', arguments: { id: 'C' } },
      },
    ]);
  });

  it('assembles partialArgs into arrays of objects, numbers included, with no terminal call part', () => {
    const file = `${V}google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt`;
    expect(expectations[file]!.choice).toEqual([
      {
        type: 'tool-call',
        id: 'gemini-3noMaojQL_2s6tkPiO26qQ4-0',
        function: {
          name: 'writeItems',
          arguments: {
            operations: [
              { action: 'add', description: 'Fresh red apple', itemid: 'apple_001', price: 0.5 },
              { action: 'add', description: 'Ripe yellow banana', itemid: 'banana_001', price: 0.3 },
            ],
          },
        },
        signature: signatureAt(file, 0, 0),
      },
    ]);
  });

  it('string pieces flagged willContinue run on; a second signature starts a new text block; an empty answer is one empty text', () => {
    const event = (parts: unknown[], extra: object = {}) => ({
      responseId: 'r',
      candidates: [{ content: { parts }, ...extra }],
    });
    expect(
      geminiExpectation([
        event([{ functionCall: { name: 'f', willContinue: true } }]),
        event([
          {
            functionCall: {
              partialArgs: [{ jsonPath: '$.a', stringValue: 'he', willContinue: true }],
              willContinue: true,
            },
          },
        ]),
        event([
          {
            functionCall: {
              partialArgs: [
                { jsonPath: '$.a', stringValue: 'llo' },
                { jsonPath: "$['b c'][1]", boolValue: true },
              ],
            },
          },
        ]),
        event(
          [
            { text: 'x', thoughtSignature: 's1' },
            { text: 'y', thoughtSignature: 's2' },
          ],
          { finishReason: 'MAX_TOKENS' },
        ),
      ]),
    ).toEqual({
      id: 'r',
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'length',
      rawFinishReason: 'MAX_TOKENS',
      choice: [
        {
          type: 'tool-call',
          id: 'gemini-r-0',
          function: { name: 'f', arguments: { a: 'hello', 'b c': [undefined, true] } },
        },
        { type: 'text', text: 'x', providerMetadata: { gemini: { thoughtSignature: 's1' } } },
        { type: 'text', text: 'y', providerMetadata: { gemini: { thoughtSignature: 's2' } } },
      ],
    });
    expect(geminiExpectation([event([], { finishReason: 'SAFETY' })])).toMatchObject({
      choice: [{ type: 'text', text: '' }],
      finishReason: 'content-filter',
    });
  });
});
