import * as anthropic from '@rig-ts/anthropic';
import type { CompletionModel, Prompt, StreamingPrompt } from 'rig-ts';
import * as gemini from '@rig-ts/gemini';
import * as ollama from '@rig-ts/ollama';
import * as openai from '@rig-ts/openai';

/** The providers the page offers; `sim` is a provider simulator (`rig-sim`) reached over HTTP. */
export type BrowserProvider = 'sim' | 'server' | 'openai' | 'anthropic' | 'gemini' | 'ollama';

/** What the settings form holds. The key lives only in memory: it goes to the provider's client, nowhere else. */
export interface ModelSettings {
  provider: BrowserProvider;
  model: string;
  apiKey: string;
  /** Empty for the provider's default. For `sim`, the simulator's address (`http://127.0.0.1:8787`). */
  baseURL: string;
}

/** Per provider: its name, default model, whether it needs a key, and a hint shown under the form. */
export const BROWSER_PROVIDERS: {
  readonly [provider in BrowserProvider]: { title: string; defaultModel: string; needsKey: boolean; hint: string };
} = {
  sim: {
    title: 'The simulator',
    defaultModel: 'rig-sim',
    needsKey: false,
    hint: 'Canned answers from the rig-ts provider simulator, spoken in the OpenAI Responses wire format. Start it with: pnpm --filter @rig-ts/web-app dev (or rig-sim).',
  },
  server: {
    title: 'Your server',
    defaultModel: 'rig-sim',
    needsKey: false,
    hint: 'The page asks its own server (/api/chat, started with node server.mjs) and reads the stream with readStreamResponse: the key stays on the server, which uses the simulator unless it has OPENAI_API_KEY.',
  },
  openai: {
    title: 'OpenAI',
    defaultModel: 'gpt-4o-mini',
    needsKey: true,
    hint: 'Your key stays in this page’s memory and is sent only to OpenAI.',
  },
  anthropic: {
    title: 'Anthropic',
    defaultModel: 'claude-haiku-4-5',
    needsKey: true,
    hint: 'Your key stays in this page’s memory and is sent only to Anthropic (with its direct-browser-access header).',
  },
  gemini: {
    title: 'Gemini',
    defaultModel: 'gemini-2.5-flash',
    needsKey: true,
    hint: 'Your key stays in this page’s memory and is sent only to Google.',
  },
  ollama: {
    title: 'Ollama',
    defaultModel: 'llama3.2',
    needsKey: false,
    hint: 'A local Ollama server; allow this page’s origin with OLLAMA_ORIGINS.',
  },
};

/** What the page needs of a model: streaming, plain prompts and the request builder (for typed output). */
export type BrowserModel = CompletionModel & Prompt & StreamingPrompt;

/**
 * A provider's model for the settings, made with the provider package exactly as an app would. Throws, speaking of the
 * page's key field, when the provider needs a key and none is typed in: the provider package's own message would send
 * the user to environment variables, which a page does not have.
 */
export function createBrowserModel(settings: ModelSettings): BrowserModel {
  const baseURL = settings.baseURL.trim().replace(/\/+$/, '') || undefined;
  const apiKey = settings.apiKey.trim() || undefined;
  const details = BROWSER_PROVIDERS[settings.provider];
  if (details.needsKey && apiKey === undefined) {
    throw new Error(
      `${details.title} needs your API key: type it in the API key field above (it stays in this page’s memory).`,
    );
  }
  const model = settings.model.trim() || BROWSER_PROVIDERS[settings.provider].defaultModel;
  switch (settings.provider) {
    case 'sim':
      // Any key works; this one never appears in a model id, so errors naming the model are not redacted.
      return new openai.Client({
        apiKey: 'simulator-accepts-any-key',
        baseURL: `${baseURL ?? 'http://127.0.0.1:8787'}/v1`,
      }).completionModel(model);
    case 'server':
      throw new Error('Your server streams answers only: pick a provider for the typed-output demo.');
    case 'openai':
      return new openai.Client({ apiKey, baseURL }).completionModel(model);
    case 'anthropic':
      return new anthropic.Client({
        apiKey,
        baseURL,
        headers: { 'anthropic-dangerous-direct-browser-access': 'true' },
      }).completionModel(model);
    case 'gemini':
      return new gemini.Client({ apiKey, baseURL }).completionModel(model);
    case 'ollama':
      return new ollama.Client({ baseURL }).completionModel(model);
  }
}
