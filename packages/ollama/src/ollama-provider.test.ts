import { describeUnexpectedAnswers } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from './ollama-provider.js';
import { OLLAMA_DEFAULTS } from './ollama-settings.js';
import { chatExamples } from './test-utils/ollama-docs.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const ANSWER = JSON.stringify(chatExamples().get('Chat request (No streaming)')!.responses[0]);

function recordingFetch(): { fetch: typeof globalThis.fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push(new Request(input, init));
    return new Response(ANSWER, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  };
  return { fetch, requests };
}

describe('Client', () => {
  it('talks to the local server by default, with no key', async () => {
    vi.stubEnv('OLLAMA_HOST', '');
    vi.stubEnv('OLLAMA_API_KEY', '');
    const recorded = recordingFetch();
    expect(await new Client({ fetch: recorded.fetch }).completionModel('llama3.2').prompt('Hi')).toBe(
      'Hello! How are you today?',
    );
    expect(recorded.requests[0]!.url).toBe(`${OLLAMA_DEFAULTS.baseURL}/api/chat`);
    expect(recorded.requests[0]!.headers.get('authorization')).toBeNull();
  });

  it.each([
    ['gpu-box', 'http://gpu-box:11434/api/chat'],
    ['0.0.0.0:11500', 'http://0.0.0.0:11500/api/chat'],
    ['https://ollama.example.com/', 'https://ollama.example.com/api/chat'],
  ])('honours OLLAMA_HOST=%s', async (host, url) => {
    vi.stubEnv('OLLAMA_HOST', host);
    const recorded = recordingFetch();
    await new Client({ fetch: recorded.fetch }).completionModel('llama3.2').prompt('Hi');
    expect(recorded.requests[0]!.url).toBe(url);
  });

  it('uses an explicit baseURL as given over OLLAMA_HOST, dropping a trailing slash', async () => {
    vi.stubEnv('OLLAMA_HOST', 'gpu-box');
    const recorded = recordingFetch();
    await new Client({ fetch: recorded.fetch, baseURL: 'https://proxy.example/ollama/' })
      .completionModel('llama3.2')
      .prompt('Hi');
    expect(recorded.requests[0]!.url).toBe('https://proxy.example/ollama/api/chat');
  });

  it('sends a bearer key when one is given or set in OLLAMA_API_KEY (read at request time), and client headers', async () => {
    vi.stubEnv('OLLAMA_API_KEY', '');
    const recorded = recordingFetch();
    const model = Client.fromEnv().completionModel('llama3.2');
    vi.stubGlobal('fetch', recorded.fetch);
    try {
      vi.stubEnv('OLLAMA_API_KEY', 'env-key');
      await model.prompt('Hi');
      await new Client({ apiKey: 'proxy-key', headers: { 'x-team': 'search' } })
        .completionModel('llama3.2')
        .prompt('Hi');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(recorded.requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer env-key',
      'Bearer proxy-key',
    ]);
    expect(recorded.requests[1]!.headers.get('x-team')).toBe('search');
  });
});

describe('request bodies', () => {
  it('merges model and request options (the request wins, options key by key), request fields over options, additionalParams last (options key by key, with a warning for what they replace)', async () => {
    const recorded = recordingFetch();
    const model = new Client({ fetch: recorded.fetch }).completionModel('qwen3', {
      think: true,
      keepAlive: '5m',
      options: { temperature: 0.9, top_k: 20, num_predict: 100 },
    });
    const response = await model
      .completionRequest('Hi')
      .temperature(0.1)
      .maxTokens(50)
      .providerOptions({ ollama: { think: 'high', options: { top_k: 40, seed: 3 } } })
      .additionalParams({ keep_alive: 0, truncate: true, options: { seed: 4, repeat_penalty: 1.1 } })
      .send();
    expect(JSON.parse(await recorded.requests[0]!.text())).toEqual({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
      options: { temperature: 0.1, top_k: 40, num_predict: 50, seed: 4, repeat_penalty: 1.1 },
      think: 'high',
      keep_alive: 0,
      truncate: true,
    });
    expect(response.warnings).toEqual([
      { type: 'other', message: 'additionalParams.keep_alive replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.options.seed replaced the value rig-ts built from the request' },
    ]);
  });

  it('sends an output schema as format, over a format option, and a per-request model override', async () => {
    const recorded = recordingFetch();
    await new Client({ fetch: recorded.fetch })
      .completionModel('llama3.2', { format: 'json' })
      .completionRequest('Hi')
      .model('llama3.1')
      .outputSchema({ type: 'object', properties: { age: { type: 'integer' } } })
      .send();
    expect(JSON.parse(await recorded.requests[0]!.text())).toEqual({
      model: 'llama3.1',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
      format: { type: 'object', properties: { age: { type: 'integer' } } },
    });
  });

  it('returns the warnings of settings Ollama cannot honour', async () => {
    const recorded = recordingFetch();
    const response = await new Client({ fetch: recorded.fetch })
      .completionModel('llama3.2')
      .completionRequest('Hi')
      .tool({ name: 'f', description: 'F.', parameters: { type: 'object' } })
      .toolChoice('required')
      .send();
    expect(response.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'toolChoice',
        details: 'Ollama cannot force a tool call; the model may answer without one',
      },
    ]);
  });
});

describeUnexpectedAnswers({
  provider: 'Ollama',
  malformedBodies: ['{"message":{"content":"x","tool_calls":{}},"done":true}'],
  rateLimitBody: '{"error":"Rate limited"}',
  model: (transport) =>
    new Client({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', ...transport }).completionModel('llama3.2'),
});
