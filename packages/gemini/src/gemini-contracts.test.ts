import { sendSse } from '@rig-ts/fixtures/loopback';
import { contractRequest, contractTool, describeStreamContracts, useLoopbackModel } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import { Client } from './gemini-provider.js';

// Issue 16 on the Gemini wire, over a real loopback connection: the shared contract suite (where a stream ends, frames
// of the wrong shape, empty answers, tool calls cut by the token limit, additionalParams and misuse) with this wire's
// frames, then what only this wire has (code-execution rounds, its in-stream error).

const makeModel = (url: string) =>
  new Client({
    apiKey: 'test-gemini-key',
    baseURL: `${url}/v1beta`,
    maxRetries: 0,
    idleTimeoutMs: 60_000,
  }).completionModel('gemini-2.5-flash');
const usage = { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 };
const chunk = (
  parts: unknown[],
  finishReason?: string,
  usageMetadata: unknown = { promptTokenCount: 4, totalTokenCount: 4 },
) => ({
  candidates: [
    { content: { role: 'model', parts }, ...(finishReason === undefined ? {} : { finishReason }), index: 0 },
  ],
  usageMetadata,
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-1',
});
const frame = (value: unknown) => `data: ${JSON.stringify(value)}\r\n\r\n`;
const answer =
  frame(chunk([{ text: 'Hel' }])) + frame(chunk([{ text: 'lo' }])) + frame(chunk([{ text: '' }], 'STOP', usage));
/** Each body of the wrong shape, sent as a JSON answer and as the first frame of a stream. */
const malformedAnswers: [string, unknown, string][] = [
  [
    'a negative token count',
    chunk([{ text: '' }], 'STOP', { ...usage, candidatesTokenCount: -2 }),
    'usageMetadata.candidatesTokenCount is not a token count (a whole number of at least 0) (got -2)',
  ],
  [
    'a function name that is a number',
    chunk([{ functionCall: { name: 1, args: {} } }]),
    'candidates[0].content.parts[0].functionCall.name is not a string (got 1)',
  ],
  [
    'function arguments that are an array',
    chunk([{ functionCall: { name: 'f', args: [1] } }]),
    'candidates[0].content.parts[0].functionCall.args is not an object (got an array of 1 items)',
  ],
  [
    'parts that are an object',
    { candidates: [{ content: { parts: { text: 'x' } } }] },
    'candidates[0].content.parts is not an array (got an object)',
  ],
  [
    'a finish reason that is a number',
    chunk([{ text: 'x' }], 3 as never),
    'candidates[0].finishReason is not a string (got 3)',
  ],
];

describeStreamContracts({
  provider: 'Gemini',
  wire: 'Gemini',
  end: 'the event carrying the finishReason and the usage',
  makeModel,
  answer,
  answerBody: chunk([{ text: 'Hello' }], 'STOP', usage),
  expectedHello: {
    choice: [{ type: 'text', text: 'Hello' }],
    usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 },
    finishReason: 'stop',
    rawFinishReason: 'STOP',
    id: 'resp-1',
    model: 'gemini-2.5-flash',
  },
  afterEnd:
    frame(chunk([{ text: ' EXTRA' }])) +
    'data: {oops\r\n\r\n' +
    frame({ error: { code: 500, message: 'late', status: 'INTERNAL' } }),
  sent: 'a "message" frame',
  textDelta: {
    label: 'a text',
    path: 'candidates[0].content.parts[0].text',
    optional: true,
    badDelta: (value) => {
      const bad = JSON.stringify(chunk([{ text: value }]));
      return { stream: answer.replace(frame(chunk([{ text: 'lo' }])), `data: ${bad}\r\n\r\n`), frame: bad };
    },
  },
  malformed: malformedAnswers.map(([name, body, reason]) => ({
    name: `${name}, streamed or not`,
    body,
    stream: frame(body) + answer,
    reason,
  })),
  empty: {
    cases: [['a candidate without parts', chunk([], 'STOP', usage)]],
    stream: frame(chunk([{ text: '' }], 'STOP', usage)),
    rawFinishReason: 'STOP',
  },
  explainedEmpty: [
    {
      body: { candidates: [{ finishReason: 'MAX_TOKENS' }], usageMetadata: usage },
      finishReason: 'length',
      rawFinishReason: 'MAX_TOKENS',
    },
    {
      body: { candidates: [{ finishReason: 'SAFETY' }], usageMetadata: usage },
      finishReason: 'content-filter',
      rawFinishReason: 'SAFETY',
    },
  ],
  cutToolCall: {
    stream:
      frame(chunk([{ text: 'Checking.' }])) +
      frame(chunk([{ functionCall: { name: 'get_weather', willContinue: true } }])) +
      frame(
        chunk([
          {
            functionCall: {
              partialArgs: [{ jsonPath: '$.city', stringValue: 'Par', willContinue: true }],
              willContinue: true,
            },
          },
        ]),
      ) +
      frame(chunk([{ text: '' }], 'MAX_TOKENS', usage)),
    expected: {
      choice: [{ type: 'text', text: 'Checking.' }],
      finishReason: 'length',
      rawFinishReason: 'MAX_TOKENS',
      warnings: [
        {
          type: 'tool-call-cut',
          message:
            'tool call "get_weather" (gemini-resp-1-0) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
          toolCall: { id: 'gemini-resp-1-0', name: 'get_weather', partialArguments: '{"city":"Par"' },
        },
      ],
    },
  },
  additionalParams: {
    title: 'adds native tools to the function declarations and warns about each field it replaces',
    request: {
      ...contractRequest,
      tools: [contractTool],
      temperature: 0.2,
      additionalParams: {
        tools: [{ googleSearch: {} }],
        toolConfig: { functionCallingConfig: { mode: 'ANY' } },
        generationConfig: { temperature: 1, topK: 3 },
      },
    },
    calls: ['completion'],
    // toolConfig is new (no tool choice was set): added without a warning.
    warnings: [
      {
        type: 'other',
        message: 'additionalParams.generationConfig.temperature replaced the value rig-ts built from the request',
      },
    ],
    bodies: [
      {
        contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
        generationConfig: { temperature: 1, topK: 3 },
        tools: [
          {
            functionDeclarations: [
              { name: 'get_weather', description: 'Weather', parametersJsonSchema: contractTool.parameters },
            ],
          },
          { googleSearch: {} },
        ],
        toolConfig: { functionCallingConfig: { mode: 'ANY' } },
      },
    ],
  },
  misuse: [
    [
      'a cycle in additionalParams',
      (() => {
        const labels: { [key: string]: unknown } = {};
        labels.self = labels;
        return { ...contractRequest, additionalParams: { labels } };
      })(),
      /^additionalParams\.labels is not JSON data: Converting circular structure to JSON/,
    ],
  ],
});

describe('Gemini code execution and in-stream errors', () => {
  const loopback = useLoopbackModel(makeModel);

  it('reads on after the intermediate finishReason of a code-execution round, the connection held open', async () => {
    const round = chunk(
      [
        { executableCode: { language: 'PYTHON', code: 'print(6 * 7)' } },
        { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } },
      ],
      'STOP',
      usage,
    );
    const model = await loopback.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(frame(chunk([{ text: 'Let me run it. ' }])) + frame(round));
      setTimeout(() => response.write(frame(chunk([{ text: 'It is 42.' }], 'STOP', usage))), 50);
    });
    const final = await (await model.stream(contractRequest)).final;
    expect(final.choice).toEqual([{ type: 'text', text: 'Let me run it. It is 42.' }]);
    await expect.poll(() => loopback.server.closedSockets, { timeout: 2_000 }).toBe(1);
  });

  it('keeps an in-stream error of the wrong shape readable', async () => {
    const model = await loopback.serve((_request, response) =>
      sendSse(response, frame({ error: { code: 503, message: { text: 'busy' } } })),
    );
    await expect((await model.stream(contractRequest)).final).rejects.toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'Gemini reported an error in the stream: {"code":503,"message":{"text":"busy"}}',
    });
  });
});
