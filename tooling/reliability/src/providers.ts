import * as anthropic from '@rig-ts/anthropic';
import * as azure from '@rig-ts/azure';
import * as cerebras from '@rig-ts/cerebras';
import type { CompletionModel } from '@rig-ts/core';
import * as deepseek from '@rig-ts/deepseek';
import * as gemini from '@rig-ts/gemini';
import * as groq from '@rig-ts/groq';
import * as mistral from '@rig-ts/mistral';
import * as ollama from '@rig-ts/ollama';
import * as openai from '@rig-ts/openai';
import * as compatible from '@rig-ts/openai-compatible';
import * as openrouter from '@rig-ts/openrouter';
import * as perplexity from '@rig-ts/perplexity';
import * as together from '@rig-ts/together';
import * as xai from '@rig-ts/xai';

/** How a call is made: `completion()` (one JSON body) or `stream()`. */
export type CallMode = 'completion' | 'stream';

/** The wire format a provider speaks; expectations that depend on the bytes (frames, content types) key on it. */
export type Wire = 'openai-responses' | 'openai-chat' | 'anthropic' | 'gemini' | 'ollama';

/** The client settings every matrix cell passes (a row may change some). */
export interface ClientSettings {
  apiKey: string;
  maxRetries: number;
  timeoutMs: number;
  idleTimeoutMs: number;
  maxRetryDelayMs: number;
  fetch?: typeof globalThis.fetch;
}

/** One provider package (or API of one) under test. */
export interface ProviderUnderTest {
  /** Column key. */
  id: string;
  /** The package and API, for the report. */
  label: string;
  /** The name its errors use. */
  name: string;
  wire: Wire;
  /** The path of the POST for a call, from the server root. */
  path(mode: CallMode): string;
  /** A model of a fresh client talking to the server at `root`. */
  model(root: string, settings: ClientSettings): CompletionModel;
}

const OPENAI_RESPONSES = () => '/v1/responses';
const CHAT_COMPLETIONS = () => '/v1/chat/completions';
const geminiPath = (model: string) => (mode: CallMode) =>
  `/v1beta/models/${model}:${mode === 'stream' ? 'streamGenerateContent?alt=sse' : 'generateContent'}`;

/** A chat-completions preset package (`@rig-ts/<id>`): its `Client` talking to `<root>/v1`, asked for `model`. */
function chatPreset(
  id: string,
  name: string,
  Client: new (settings: ClientSettings & { baseURL: string }) => { completionModel(model: string): CompletionModel },
  model: string,
): ProviderUnderTest {
  return {
    id,
    label: `@rig-ts/${id}`,
    name,
    wire: 'openai-chat',
    path: CHAT_COMPLETIONS,
    model: (root, settings) => new Client({ ...settings, baseURL: `${root}/v1` }).completionModel(model),
  };
}

/** Every provider package, one line each: the fault matrix, the secret checks and the soak run over all of them. */
export const PROVIDERS: readonly ProviderUnderTest[] = [
  {
    id: 'openai-responses',
    label: '@rig-ts/openai (Responses)',
    name: 'OpenAI',
    wire: 'openai-responses',
    path: OPENAI_RESPONSES,
    model: (root, settings) => new openai.Client({ ...settings, baseURL: `${root}/v1` }).completionModel('gpt-4o'),
  },
  {
    id: 'openai-chat',
    label: '@rig-ts/openai (chatCompletionsModel)',
    name: 'OpenAI',
    wire: 'openai-chat',
    path: CHAT_COMPLETIONS,
    model: (root, settings) =>
      openai.chatCompletionsModel(new openai.Client({ ...settings, baseURL: `${root}/v1` }), 'gpt-4o'),
  },
  {
    id: 'anthropic',
    label: '@rig-ts/anthropic',
    name: 'Anthropic',
    wire: 'anthropic',
    path: () => '/v1/messages',
    model: (root, settings) =>
      new anthropic.Client({ ...settings, baseURL: `${root}/v1` }).completionModel('claude-sonnet-4-5'),
  },
  {
    id: 'gemini',
    label: '@rig-ts/gemini',
    name: 'Gemini',
    wire: 'gemini',
    path: geminiPath('gemini-2.5-flash'),
    model: (root, settings) =>
      new gemini.Client({ ...settings, baseURL: `${root}/v1beta` }).completionModel('gemini-2.5-flash'),
  },
  {
    id: 'ollama',
    label: '@rig-ts/ollama',
    name: 'Ollama',
    wire: 'ollama',
    path: () => '/api/chat',
    model: (root, settings) => new ollama.Client({ ...settings, baseURL: root }).completionModel('sim-llama'),
  },
  {
    id: 'openai-compatible',
    label: '@rig-ts/openai-compatible',
    name: 'vLLM',
    wire: 'openai-chat',
    path: CHAT_COMPLETIONS,
    model: (root, settings) =>
      new compatible.Client({ ...settings, name: 'vllm', displayName: 'vLLM', baseURL: `${root}/v1` }).completionModel(
        'meta-llama/Llama-3.1-8B-Instruct',
      ),
  },
  {
    id: 'azure',
    label: '@rig-ts/azure (chatCompletionsModel)',
    name: 'Azure OpenAI',
    wire: 'openai-chat',
    path: () => '/v1/chat/completions?api-version=v1',
    model: (root, settings) => azure.chatCompletionsModel(new azure.Client({ ...settings, baseURL: root }), 'gpt-4o'),
  },
  chatPreset('cerebras', 'Cerebras', cerebras.Client, 'llama-3.3-70b'),
  chatPreset('deepseek', 'DeepSeek', deepseek.Client, 'deepseek-chat'),
  chatPreset('groq', 'Groq', groq.Client, 'llama-3.3-70b-versatile'),
  chatPreset('mistral', 'Mistral', mistral.Client, 'mistral-large-latest'),
  chatPreset('openrouter', 'OpenRouter', openrouter.Client, 'openai/gpt-4o'),
  chatPreset('perplexity', 'Perplexity', perplexity.Client, 'sonar'),
  chatPreset('together', 'Together AI', together.Client, 'meta-llama/Llama-3.3-70B-Instruct-Turbo'),
  chatPreset('xai', 'xAI', xai.Client, 'grok-4'),
];
