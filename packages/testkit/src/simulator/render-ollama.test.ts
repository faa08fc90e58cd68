import { readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { decodeNdjson, post, shapeDifferences } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const NOW = Date.UTC(2025, 6, 7, 20, 22, 19);
const simulator = useSimulator({ now: () => NOW });

const CREATED = '2025-07-07T20:22:19.000Z';
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the weather in a given city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'The city to get the weather for' } },
      required: ['city'],
    },
  },
};

/** The n-th JSON example (0-based, request examples are shell) after a heading of Ollama's official API docs (no native-API recording exists). */
function docExample(heading: string, index: number): unknown {
  const docs = readTextFixture('ollama/docs/api.md');
  const start = docs.indexOf(`#### ${heading}\n`);
  if (start === -1) throw new Error(`no "${heading}" section in the docs`);
  const blocks = [...docs.slice(start).matchAll(/```json\n([\s\S]*?)\n```/g)];
  return JSON.parse(blocks[index]![1]!) as unknown;
}

function chat(body: object, headers?: { [name: string]: string }) {
  return post(`${simulator.baseURLs.ollama}/api/chat`, body, headers);
}

function done(prompt: number, output: number, reason = 'stop') {
  return {
    done_reason: reason,
    done: true,
    total_duration: 1_000_000 + (prompt + output) * 10_000_000,
    load_duration: 1_000_000,
    prompt_eval_count: prompt,
    prompt_eval_duration: prompt * 10_000_000,
    eval_count: output,
    eval_duration: output * 10_000_000,
  };
}

describe('simulator: Ollama native chat', () => {
  it('answers a non-streamed chat with the done fields', async () => {
    const response = await chat({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello there' },
      ],
      stream: false,
    });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await response.json();
    expect(body).toEqual({
      model: 'llama3.2',
      created_at: CREATED,
      message: { role: 'assistant', content: simulatedAnswer('hello there') },
      ...done(5, 20),
    });
    expect(shapeDifferences(body, docExample('Chat request (Structured outputs)', 0))).toEqual([]);
  });

  it('streams NDJSON by default (stream absent), ending with a done: true line', async () => {
    const response = await chat(
      { model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] },
      { 'x-sim-chunk-size': '40' },
    );
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await response.text();
    expect(text.endsWith('}\n')).toBe(true);
    const answer = simulatedAnswer('Hi');
    expect(decodeNdjson(text)).toEqual([
      {
        model: 'llama3.2',
        created_at: CREATED,
        message: { role: 'assistant', content: answer.slice(0, 40) },
        done: false,
      },
      {
        model: 'llama3.2',
        created_at: CREATED,
        message: { role: 'assistant', content: answer.slice(40) },
        done: false,
      },
      { model: 'llama3.2', created_at: CREATED, message: { role: 'assistant', content: '' }, ...done(1, 18) },
    ]);
    expect(
      shapeDifferences(decodeNdjson(text)[0], {
        model: 'llama3.2',
        created_at: 'x',
        message: { role: 'assistant', content: 'The' },
        done: false,
      }),
    ).toEqual([]);
    expect(shapeDifferences(decodeNdjson(text)[2], docExample('Chat request (Streaming with tools)', 1))).toEqual([]);
    expect(simulator.requests[0]).toMatchObject({ api: 'ollama', model: 'llama3.2', stream: true });
  });

  it('calls a named tool with tool_calls (object arguments), streamed and not, then answers from the tool message', async () => {
    const messages = [{ role: 'user', content: 'what is the weather in tokyo? use get_weather' }];
    const first = await (await chat({ model: 'llama3.2', messages, tools: [weatherTool], stream: false })).json();
    expect(first.message).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'city' } } }],
    });
    expect(first.done_reason).toBe('stop');
    expect(shapeDifferences(first, docExample('Chat request (No streaming, with tools)', 0))).toEqual([]);
    const lines = decodeNdjson(
      await (await chat({ model: 'llama3.2', messages, tools: [weatherTool], stream: true })).text(),
    );
    expect(lines).toEqual([
      {
        model: 'llama3.2',
        created_at: CREATED,
        message: {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'city' } } }],
        },
        done: false,
      },
      // The prompt (45) + the tool's name (11), description (31) and parameters JSON (125) = 212 characters → 53 tokens.
      { model: 'llama3.2', created_at: CREATED, message: { role: 'assistant', content: '' }, ...done(53, 7) },
    ]);
    expect(shapeDifferences(lines[0], docExample('Chat request (Streaming with tools)', 0))).toEqual([]);
    const second = await (
      await chat({
        model: 'llama3.2',
        messages: [
          ...messages,
          first.message,
          { role: 'tool', content: '11 degrees celsius', tool_name: 'get_weather' },
        ],
        tools: [weatherTool],
        stream: false,
      })
    ).json();
    expect(second.message).toEqual({ role: 'assistant', content: 'The get_weather tool returned: 11 degrees celsius' });
  });

  it('answers JSON valid against a format schema, and {"answer"} for format json', async () => {
    const format = {
      type: 'object',
      properties: { age: { type: 'integer' }, available: { type: 'boolean' } },
      required: ['age', 'available'],
    };
    const body = await (
      await chat({ model: 'llama3.1', messages: [{ role: 'user', content: 'Ollama is 22.' }], stream: false, format })
    ).json();
    // The number the prompt names.
    expect(body.message.content).toBe('{"age":22,"available":true}');
    const json = await (
      await chat({ model: 'llama3.1', messages: [{ role: 'user', content: 'hi' }], stream: false, format: 'json' })
    ).json();
    expect(JSON.parse(json.message.content)).toEqual({ answer: simulatedAnswer('hi') });
  });

  it('thinking models send thinking (whole, and as thinking deltas before the content)', async () => {
    const body = await (
      await chat({ model: 'qwen3-think', messages: [{ role: 'user', content: 'hello' }], stream: false, think: true })
    ).json();
    expect(body.message).toEqual({
      role: 'assistant',
      content: simulatedAnswer('hello'),
      thinking: 'Thinking about: hello',
    });
    const lines = decodeNdjson(
      await (await chat({ model: 'qwen3-think', messages: [{ role: 'user', content: 'hello' }], think: true })).text(),
    );
    expect(lines.slice(0, 4)).toEqual([
      {
        model: 'qwen3-think',
        created_at: CREATED,
        message: { role: 'assistant', content: '', thinking: 'Thinking' },
        done: false,
      },
      {
        model: 'qwen3-think',
        created_at: CREATED,
        message: { role: 'assistant', content: '', thinking: ' about:' },
        done: false,
      },
      {
        model: 'qwen3-think',
        created_at: CREATED,
        message: { role: 'assistant', content: '', thinking: ' hello' },
        done: false,
      },
      { model: 'qwen3-think', created_at: CREATED, message: { role: 'assistant', content: 'You' }, done: false },
    ]);
  });

  it('num_predict cuts the answer with done_reason length', async () => {
    const body = await (
      await chat({
        model: 'llama3.2',
        messages: [{ role: 'user', content: 'hello' }],
        stream: false,
        options: { num_predict: 2 },
      })
    ).json();
    expect(body.message.content).toBe('You said');
    expect(body).toMatchObject(done(2, 2, 'length'));
  });

  it('an empty message list loads the model (done_reason load), as Ollama does', async () => {
    expect(await (await chat({ model: 'llama3.2', messages: [], stream: false })).json()).toEqual({
      model: 'llama3.2',
      created_at: CREATED,
      message: { role: 'assistant', content: '' },
      done_reason: 'load',
      done: true,
    });
  });

  it('answers the probes apps use: GET / , /api/tags and /api/version', async () => {
    const root = await fetch(`${simulator.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toBe('Ollama is running');
    const tags = await (await fetch(`${simulator.url}/api/tags`)).json();
    expect(tags.models.map((model: { name: string }) => model.name)).toEqual(['sim-llama:latest', 'sim-think:latest']);
    expect(shapeDifferences(tags, tagsExample())).toEqual([]);
    expect(await (await fetch(`${simulator.url}/api/version`)).json()).toEqual({ version: '0.12.6' });
    expect(simulator.requests).toEqual([]);
  });

  it('errors are {"error": "..."}', async () => {
    const response = await chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'model is required' });
  });
});

/** The `/api/tags` response example of the docs. */
function tagsExample(): unknown {
  const docs = readTextFixture('ollama/docs/api.md');
  const section = docs.slice(docs.indexOf('## List Local Models'));
  return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!) as unknown;
}
