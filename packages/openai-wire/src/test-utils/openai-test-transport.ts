import { HttpTransport, type TransportSettings } from '@rig-ts/http';

/**
 * The OpenAI transport the wire's tests send through, to a host that does not exist (each test injects the `fetch`
 * that answers), with `settings` over the defaults.
 */
export function openAITestTransport(settings: Partial<TransportSettings> = {}): HttpTransport {
  return new HttpTransport({
    provider: 'OpenAI',
    baseURL: 'https://api.openai.test/v1',
    apiKey: 'sk-test',
    ...settings,
  });
}
