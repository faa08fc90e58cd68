import * as anthropic from '@rig-ts/anthropic';
import type { CompletionModel } from 'rig-ts';
import * as gemini from '@rig-ts/gemini';
import * as ollama from '@rig-ts/ollama';
import * as openai from '@rig-ts/openai';
import { startSimulator } from '@rig-ts/testkit/simulator';
import { ollamaURL } from './choose-provider.js';
import type { ProviderName } from './parse-chat-arguments.js';

/** A connected provider: makes models by id, and knows how to tell the user what it is. */
export interface ProviderConnection {
  provider: ProviderName;
  /** `OpenAI`, `the built-in simulator` … */
  title: string;
  /** A model of this provider. */
  model(id: string): CompletionModel;
  /** Values that must never be printed (API keys). */
  secrets: string[];
  /** Stops what was started (the simulator). */
  close(): Promise<void>;
}

/** The default pause between the simulator's streamed frames: slow enough to see the tokens arrive. */
export const SIMULATOR_DELAY_MS = 25;

const SECRET_VARIABLES = ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'OLLAMA_API_KEY'];

/**
 * Makes the provider's client. Keys and base URLs come from the environment as each package documents
 * (`Client.fromEnv()`); `sim` starts the simulator on a free loopback port and talks to it with the real OpenAI
 * package (Responses API), as it would to OpenAI.
 */
export async function connectProvider(
  provider: ProviderName,
  environment: { [name: string]: string | undefined },
  options: { simDelayMs?: number | undefined } = {},
): Promise<ProviderConnection> {
  const secrets = SECRET_VARIABLES.flatMap((name) => (environment[name]?.trim() ? [environment[name]!.trim()] : []));
  const connection = (
    title: string,
    model: (id: string) => CompletionModel,
    close = () => Promise.resolve(),
  ): ProviderConnection => ({ provider, title, model, secrets, close });
  switch (provider) {
    case 'openai': {
      const client = openai.Client.fromEnv();
      return connection('OpenAI', (id) => client.completionModel(id));
    }
    case 'anthropic': {
      const client = anthropic.Client.fromEnv();
      return connection('Anthropic', (id) => client.completionModel(id));
    }
    case 'gemini': {
      const client = gemini.Client.fromEnv();
      return connection('Gemini', (id) => client.completionModel(id));
    }
    case 'ollama': {
      const client = new ollama.Client({ baseURL: ollamaURL(environment) });
      return connection('Ollama', (id) => client.completionModel(id));
    }
    case 'sim': {
      const simulator = await startSimulator({ delayMs: options.simDelayMs ?? SIMULATOR_DELAY_MS });
      // Any key works; this one never appears in a model id, so errors naming the model are not redacted.
      const client = new openai.Client({ apiKey: 'simulator-accepts-any-key', baseURL: simulator.baseURLs.openai });
      return connection(
        'the built-in simulator',
        (id) => client.completionModel(id),
        () => simulator.close(),
      );
    }
  }
}
