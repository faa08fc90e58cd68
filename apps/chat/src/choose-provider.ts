import type { ProviderName } from './parse-chat-arguments.js';

/** The model each provider uses when `--model` is not given. */
export const DEFAULT_MODELS: { readonly [provider in ProviderName]: string } = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  ollama: 'llama3.2',
  sim: 'rig-sim',
};

/** The environment variables holding an API key, in the order they are looked for. */
export const API_KEY_VARIABLES: readonly (readonly [ProviderName, string])[] = [
  ['openai', 'OPENAI_API_KEY'],
  ['anthropic', 'ANTHROPIC_API_KEY'],
  ['gemini', 'GEMINI_API_KEY'],
  ['gemini', 'GOOGLE_API_KEY'],
];

/** Which provider and model to use, and why (the app tells the user). */
export interface ProviderChoice {
  provider: ProviderName;
  model: string;
  reason: string;
}

/** Asks the Ollama server at `url` for its models; `undefined` when nothing answers there. */
export type ProbeOllama = (url: string) => Promise<string[] | undefined>;

/** The Ollama server the app looks for: `OLLAMA_HOST` when set, else `http://127.0.0.1:11434`. */
export function ollamaURL(environment: { [name: string]: string | undefined }): string {
  const host = environment.OLLAMA_HOST?.trim();
  if (!host) return 'http://127.0.0.1:11434';
  if (/^https?:\/\//i.test(host)) return host.replace(/\/+$/, '');
  // A bare host, as `ollama serve` itself reads it: `localhost`, `0.0.0.0:8080`, `:8080`.
  const url = new URL(`http://${host.startsWith(':') ? '127.0.0.1' : ''}${host}`);
  if (url.port === '') url.port = '11434';
  return url.origin;
}

function ollamaModel(requested: string | undefined, installed: readonly string[]): string {
  if (requested !== undefined) return requested;
  const preferred = DEFAULT_MODELS.ollama;
  return installed.find((name) => name === preferred || name.startsWith(`${preferred}:`)) ?? installed[0] ?? preferred;
}

/**
 * Picks the provider: the one asked for; else the first API key found in the environment; else Ollama if it
 * answers (and has a model); else the built-in simulator.
 */
export async function chooseProvider(
  requested: { provider?: ProviderName | undefined; model?: string | undefined },
  environment: { [name: string]: string | undefined },
  probeOllama: ProbeOllama,
): Promise<ProviderChoice> {
  if (requested.provider === 'ollama') {
    const installed = requested.model === undefined ? await probeOllama(ollamaURL(environment)) : undefined;
    return { provider: 'ollama', model: ollamaModel(requested.model, installed ?? []), reason: '--provider ollama' };
  }
  if (requested.provider !== undefined) {
    return {
      provider: requested.provider,
      model: requested.model ?? DEFAULT_MODELS[requested.provider],
      reason: `--provider ${requested.provider}`,
    };
  }
  for (const [provider, variable] of API_KEY_VARIABLES) {
    if (environment[variable]?.trim())
      return { provider, model: requested.model ?? DEFAULT_MODELS[provider], reason: `${variable} is set` };
  }
  const url = ollamaURL(environment);
  const installed = await probeOllama(url);
  if (installed !== undefined && (installed.length > 0 || requested.model !== undefined)) {
    return {
      provider: 'ollama',
      model: ollamaModel(requested.model, installed),
      reason: `no API key in the environment; Ollama answers on ${url}`,
    };
  }
  const ollamaNote =
    installed === undefined
      ? `no Ollama on ${url}`
      : `Ollama on ${url} has no model (ollama pull ${DEFAULT_MODELS.ollama})`;
  return {
    provider: 'sim',
    model: requested.model ?? DEFAULT_MODELS.sim,
    reason: `no API key in the environment, ${ollamaNote}`,
  };
}
