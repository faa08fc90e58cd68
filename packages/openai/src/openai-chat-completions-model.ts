import { OpenAIChatModel, type OpenAIChatOptions } from '@rig-ts/openai-wire';
import type { Client } from './openai-provider.js';

/**
 * A model on OpenAI's Chat Completions API (`POST /chat/completions`), sharing `client`'s key, base URL and transport.
 * A function rather than a `Client` method, so that an app using only the Responses API (`client.completionModel`)
 * carries none of the Chat Completions code, and one using only this carries none of the Responses code.
 *
 * ```ts
 * import * as openai from '@rig-ts/openai';
 * const model = openai.chatCompletionsModel(openai.Client.fromEnv(), 'gpt-4o');
 * ```
 */
export function chatCompletionsModel(client: Client, modelId: string, options?: OpenAIChatOptions): OpenAIChatModel {
  return new OpenAIChatModel(modelId, {
    provider: 'openai',
    transport: client.transport,
    ...(options ? { options } : {}),
  });
}
