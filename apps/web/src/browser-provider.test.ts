import { simulatedAnswer } from '@rig-ts/testkit';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_PROVIDERS, createBrowserModel, type BrowserProvider } from './browser-provider.js';

describe('createBrowserModel', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  beforeEach(() => simulator.reset());
  afterAll(() => simulator.close());

  it('talks to the simulator over the OpenAI Responses API, with the default model when none is typed', async () => {
    const model = createBrowserModel({ provider: 'sim', model: ' ', apiKey: '', baseURL: `${simulator.url}/` });
    expect(await model.prompt('hello')).toBe(simulatedAnswer('hello'));
    expect(simulator.requests.map((request) => [request.url, request.api, request.model])).toEqual([
      ['/v1/responses', 'openai-responses', 'rig-sim'],
    ]);
  });

  const real: { provider: BrowserProvider; baseURL: string; api: string; credentials: [string, string | undefined] }[] =
    [
      {
        provider: 'openai',
        baseURL: '/v1',
        api: 'openai-responses',
        credentials: ['authorization', 'Bearer key-typed-in'],
      },
      { provider: 'anthropic', baseURL: '/v1', api: 'anthropic', credentials: ['x-api-key', 'key-typed-in'] },
      { provider: 'gemini', baseURL: '/v1beta', api: 'gemini', credentials: ['x-goog-api-key', 'key-typed-in'] },
      { provider: 'ollama', baseURL: '', api: 'ollama', credentials: ['authorization', undefined] },
    ];
  for (const { provider, baseURL, api, credentials } of real) {
    it(`makes a ${provider} model with the key and base URL typed in`, async () => {
      const model = createBrowserModel({
        provider,
        model: '',
        apiKey: ' key-typed-in ',
        baseURL: simulator.url + baseURL,
      });
      expect(await model.prompt('hello')).toBe(simulatedAnswer('hello'));
      const [request] = simulator.requests;
      expect([request!.api, request!.model, request!.headers[credentials[0]]]).toEqual([
        api,
        BROWSER_PROVIDERS[provider].defaultModel,
        provider === 'ollama' ? undefined : credentials[1],
      ]);
      if (provider === 'anthropic') expect(request!.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    });
  }

  it('asks for the key in the page’s key field, not in environment variables, and sends nothing without it', () => {
    for (const [provider, title] of [
      ['openai', 'OpenAI'],
      ['anthropic', 'Anthropic'],
      ['gemini', 'Gemini'],
    ] as const) {
      expect(() => createBrowserModel({ provider, model: '', apiKey: '  ', baseURL: simulator.url })).toThrow(
        new Error(`${title} needs your API key: type it in the API key field above (it stays in this page’s memory).`),
      );
    }
    expect(simulator.requests).toEqual([]);
  });

  it('makes no model in the page for server mode (the server holds it)', () => {
    expect(() => createBrowserModel({ provider: 'server', model: '', apiKey: 'sk-x', baseURL: '' })).toThrow(
      'Your server streams answers only: pick a provider for the typed-output demo.',
    );
  });

  it('sends no key to a keyless provider', () => {
    expect(Object.entries(BROWSER_PROVIDERS).map(([provider, details]) => [provider, details.needsKey])).toEqual([
      ['sim', false],
      ['server', false],
      ['openai', true],
      ['anthropic', true],
      ['gemini', true],
      ['ollama', false],
    ]);
  });
});
