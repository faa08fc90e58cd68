import { readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { decodeSse, post, shapeDifferences } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const simulator = useSimulator();

const responseId = expect.stringMatching(/^[A-Za-z0-9_-]{23}$/);
const signature = expect.stringMatching(/^[A-Za-z0-9+/]{120}$/);
const headers = { 'x-goog-api-key': 'sim-key' };
const weatherTool = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'The weather in a city',
      parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
};
const user = (text: string) => ({ role: 'user', parts: [{ text }] });

function generate(model: string, body: object, extraHeaders: { [name: string]: string } = {}) {
  return post(`${simulator.baseURLs.gemini}/models/${model}:generateContent`, body, { ...headers, ...extraHeaders });
}

function streamGenerate(model: string, body: object, extraHeaders: { [name: string]: string } = {}) {
  return post(`${simulator.baseURLs.gemini}/models/${model}:streamGenerateContent?alt=sse`, body, {
    ...headers,
    ...extraHeaders,
  });
}

describe('simulator: Gemini', () => {
  it('answers generateContent with candidates, usageMetadata, modelVersion and responseId', async () => {
    const response = await generate('gemini-2.5-flash', {
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [user('hello there')],
    });
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const text = await response.text();
    expect(text.startsWith('{\n  "candidates": [\n')).toBe(true);
    const body = JSON.parse(text);
    expect(body).toEqual({
      candidates: [
        {
          content: { parts: [{ text: simulatedAnswer('hello there') }], role: 'model' },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 5,
        candidatesTokenCount: 20,
        totalTokenCount: 25,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 5 }],
      },
      modelVersion: 'gemini-2.5-flash',
      responseId,
    });
    const recorded = readJsonFixture('google/vercel-ai/google-text.json');
    expect(shapeDifferences(body, recorded)).toEqual([
      '$.candidates[0].content.parts[0].thoughtSignature: missing',
      '$.usageMetadata.thoughtsTokenCount: missing',
    ]);
    expect(simulator.requests[0]).toMatchObject({
      url: '/v1beta/models/gemini-2.5-flash:generateContent',
      api: 'gemini',
      model: 'gemini-2.5-flash',
      stream: false,
    });
  });

  it('streams data: frames ended by CRLF CRLF, a final frame with finishReason, no [DONE]', async () => {
    const response = await streamGenerate('gemini-2.5-flash', { contents: [user('Hi')] }, { 'x-sim-chunk-size': '40' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    const answer = simulatedAnswer('Hi');
    expect(text.split('\r\n\r\n')).toHaveLength(4);
    expect(text.includes('\n\n')).toBe(false);
    expect(text.includes('[DONE]')).toBe(false);
    // Gemini's spacing: a space after colons, none after commas.
    expect(text.startsWith('data: {"candidates": [{"content": {"parts": [{"text": ')).toBe(true);
    const partial = {
      promptTokenCount: 1,
      totalTokenCount: 1,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 1 }],
    };
    const frame = (parts: object[], extra: object = {}, usage: object = partial) => ({
      event: 'message',
      data: {
        candidates: [{ content: { parts, role: 'model' }, ...extra, index: 0 }],
        usageMetadata: usage,
        modelVersion: 'gemini-2.5-flash',
        responseId,
      },
    });
    const events = decodeSse(text);
    expect(events).toEqual([
      frame([{ text: answer.slice(0, 40) }]),
      frame([{ text: answer.slice(40) }]),
      frame(
        [{ text: '' }],
        { finishReason: 'STOP' },
        {
          promptTokenCount: 1,
          candidatesTokenCount: 18,
          totalTokenCount: 19,
          promptTokensDetails: [{ modality: 'TEXT', tokenCount: 1 }],
        },
      ),
    ]);
    const recorded = decodeSse(
      readTextFixture('google/pydantic-ai/test_google_streaming_tool_call_thought_signature.0.response.sse'),
    );
    expect(shapeDifferences(events[2]!.data, recorded[1]!.data)).toEqual([
      '$.usageMetadata.thoughtsTokenCount: missing',
    ]);
  });

  it('streams without alt=sse as one JSON array', async () => {
    const response = await post(
      `${simulator.baseURLs.gemini}/models/gemini-2.5-flash:streamGenerateContent`,
      { contents: [user('Hi')] },
      headers,
    );
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const chunks = JSON.parse(await response.text()) as { candidates: { finishReason?: string }[] }[];
    expect(chunks.at(-1)!.candidates[0]!.finishReason).toBe('STOP');
    expect(chunks.length).toBeGreaterThan(2);
  });

  it('calls a named tool with functionCall parts (snake_case fields too), then answers from functionResponse', async () => {
    const first = await (
      await generate('gemini-2.5-flash', { contents: [user('Call get_weather for Paris')], tools: [weatherTool] })
    ).json();
    // The city the prompt names; without one, the placeholder.
    expect(first.candidates[0].content.parts).toEqual([
      { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
    ]);
    expect(first.candidates[0].finishReason).toBe('STOP');
    const snake = await (
      await generate('gemini-2.5-flash', {
        contents: [user('weather please')],
        tools: [
          {
            function_declarations: [
              {
                name: 'get_weather',
                description: '',
                parameters_json_schema: { type: 'object', properties: { city: { type: 'string' } } },
              },
            ],
          },
        ],
        tool_config: { function_calling_config: { mode: 'ANY', allowed_function_names: ['get_weather'] } },
      })
    ).json();
    expect(snake.candidates[0].content.parts).toEqual([
      { functionCall: { name: 'get_weather', args: { city: 'city' } } },
    ]);
    const events = decodeSse(
      await (
        await streamGenerate('gemini-2.5-flash', { contents: [user('Call get_weather')], tools: [weatherTool] })
      ).text(),
    );
    expect(
      events.map(
        (event) => (event.data as { candidates: { content: { parts: unknown[] } }[] }).candidates[0]!.content.parts,
      ),
    ).toEqual([[{ functionCall: { name: 'get_weather', args: { city: 'city' } } }], [{ text: '' }]]);
    const second = await (
      await generate('gemini-2.5-flash', {
        contents: [
          user('Call get_weather for Paris'),
          { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { result: 'Cloudy' } } }] },
        ],
        tools: [weatherTool],
      })
    ).json();
    expect(second.candidates[0].content.parts).toEqual([{ text: 'The get_weather tool returned: Cloudy' }]);
  });

  it('answers JSON valid against responseJsonSchema or an OpenAPI responseSchema', async () => {
    const jsonSchema = {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string' } },
      required: ['city', 'country'],
      title: 'CityLocation',
    };
    const body = await (
      await generate('gemini-2.0-flash', {
        contents: [user('largest city?')],
        generationConfig: { responseMimeType: 'application/json', responseJsonSchema: jsonSchema },
      })
    ).json();
    expect(body.candidates[0].content.parts).toEqual([{ text: '{"city":"city","country":"country"}' }]);
    const openApi = await (
      await generate('gemini-2.0-flash', {
        contents: [user('rate it')],
        generationConfig: {
          responseMimeType: 'application/json',
          responseSchema: {
            type: 'OBJECT',
            properties: { rating: { type: 'INTEGER', minimum: 1, maximum: 5 } },
            required: ['rating'],
          },
        },
      })
    ).json();
    expect(openApi.candidates[0].content.parts).toEqual([{ text: '{"rating":1}' }]);
  });

  it('thinking models send a thought part and put the thoughtSignature on the first answer part', async () => {
    const body = await (await generate('gemini-2.5-pro-thinking', { contents: [user('hello')] })).json();
    expect(body.candidates[0].content.parts).toEqual([
      { text: 'Thinking about: hello', thought: true },
      { text: simulatedAnswer('hello'), thoughtSignature: signature },
    ]);
    expect(body.usageMetadata).toEqual({
      promptTokenCount: 2,
      candidatesTokenCount: 18,
      totalTokenCount: 26,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 2 }],
      thoughtsTokenCount: 6,
    });
    const recordedThought = decodeSse(
      readTextFixture('google/pydantic-ai/test_google_model_thinking_part_iter.0.response.sse'),
    );
    const events = decodeSse(
      await (await streamGenerate('gemini-2.5-pro-thinking', { contents: [user('hello')] })).text(),
    );
    expect(
      events
        .slice(0, 4)
        .map(
          (event) => (event.data as { candidates: { content: { parts: unknown[] } }[] }).candidates[0]!.content.parts,
        ),
    ).toEqual([
      [{ text: 'Thinking', thought: true }],
      [{ text: ' about:', thought: true }],
      [{ text: ' hello', thought: true }],
      [{ text: 'You', thoughtSignature: signature }],
    ]);
    expect(shapeDifferences(events[0]!.data, recordedThought[0]!.data)).toEqual([]);
  });

  it('MAX_TOKENS when maxOutputTokens cuts the answer', async () => {
    const body = await (
      await generate('gemini-2.5-flash', { contents: [user('hello')], generationConfig: { maxOutputTokens: 2 } })
    ).json();
    expect(body.candidates[0]).toEqual({
      content: { parts: [{ text: 'You said' }], role: 'model' },
      finishReason: 'MAX_TOKENS',
      index: 0,
    });
  });

  it('keeps a model name that is not valid percent-encoding as it came', async () => {
    const body = await (await generate('bad%E0%A4%A', { contents: [user('hi')] })).json();
    expect(body.modelVersion).toBe('bad%E0%A4%A');
  });

  it('rejects a request without contents with INVALID_ARGUMENT', async () => {
    const response = await generate('gemini-2.5-flash', { contents: [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 400,
        message: '* GenerateContentRequest.contents: contents is not specified\n',
        status: 'INVALID_ARGUMENT',
      },
    });
  });
});
