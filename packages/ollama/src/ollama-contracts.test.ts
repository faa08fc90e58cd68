import { contractRequest, contractTool, describeStreamContracts } from '@rig-ts/provider-tests';
import { Client } from './ollama-provider.js';

// Issue 16 on the Ollama /api/chat wire, over a real loopback connection: the shared contract suite (where a stream
// ends, lines of the wrong shape, empty answers, additionalParams and misuse) with this wire's lines.

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const piece = (content: unknown) => ({
  model: 'llama3.2',
  created_at: '2025-01-01T00:00:00Z',
  message: { role: 'assistant', content },
  done: false,
});
const last = {
  model: 'llama3.2',
  created_at: '2025-01-01T00:00:01Z',
  message: { role: 'assistant', content: '' },
  done: true,
  done_reason: 'stop',
  prompt_eval_count: 4,
  eval_count: 2,
};
const answer = line(piece('Hel')) + line(piece('lo')) + line(last);
const extraTool = {
  type: 'function',
  function: { name: 'web_search', description: 'Search', parameters: { type: 'object' } },
};

describeStreamContracts({
  provider: 'Ollama',
  wire: 'Ollama',
  end: 'done: true',
  makeModel: (url) => new Client({ baseURL: url, maxRetries: 0, idleTimeoutMs: 60_000 }).completionModel('llama3.2'),
  streamContentType: 'application/x-ndjson',
  answer,
  answerBody: { ...last, message: { role: 'assistant', content: 'Hello' } },
  expectedHello: {
    choice: [{ type: 'text', text: 'Hello' }],
    usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 },
    finishReason: 'stop',
    rawFinishReason: 'stop',
    model: 'llama3.2',
  },
  afterEnd: line(piece(' EXTRA')) + '{oops\n' + line({ error: 'late' }),
  sent: 'a line',
  textDelta: {
    label: 'a content',
    path: 'message.content',
    optional: true,
    badDelta: (value) => {
      const bad = JSON.stringify(piece(value));
      return { stream: answer.replace(line(piece('lo')), `${bad}\n`), frame: bad };
    },
    body: (value) => ({ ...last, message: { role: 'assistant', content: value } }),
  },
  malformed: [
    {
      name: 'a count of the wrong type in the last line',
      stream: line(piece('Hi')) + line({ ...last, prompt_eval_count: '4' }),
      reason: 'prompt_eval_count is not a token count (a whole number of at least 0) (got a string of 1 characters)',
    },
  ],
  empty: {
    cases: [['an answer without content', last]],
    stream: line(piece('')) + line(last),
    rawFinishReason: 'stop',
  },
  additionalParams: {
    title: 'adds tools, merges options key by key, never replaces stream, and warns about each field it replaces',
    request: {
      ...contractRequest,
      tools: [contractTool],
      temperature: 0.3,
      additionalParams: { tools: [extraTool], options: { temperature: 1, seed: 2 }, stream: false },
    },
    calls: ['stream'],
    warnings: [
      {
        type: 'other',
        message: 'additionalParams.options.temperature replaced the value rig-ts built from the request',
      },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ],
    bodies: [
      {
        model: 'llama3.2',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', description: 'Weather', parameters: contractTool.parameters },
          },
          extraTool,
        ],
        options: { temperature: 1, seed: 2 },
      },
    ],
  },
  misuse: [
    [
      'a throwing getter in additionalParams',
      {
        ...contractRequest,
        additionalParams: {
          get keep_alive(): string {
            throw new Error('no');
          },
        },
      },
      'additionalParams.keep_alive is not JSON data: no',
    ],
  ],
});
