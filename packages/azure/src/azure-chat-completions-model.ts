import { OpenAIChatModel, type OpenAIChatOptions } from '@rig-ts/openai-wire';
import type { Client } from './azure-provider.js';

/**
 * A deployment on Azure OpenAI's Chat Completions API, sharing `client`'s key, resource and transport. A function
 * rather than a `Client` method, so that an app using only the Responses API carries none of the Chat Completions
 * code, and one using only this carries none of the Responses code.
 *
 * ```ts
 * import * as azure from '@rig-ts/azure';
 * const model = azure.chatCompletionsModel(azure.Client.fromEnv(), 'my-deepseek-deployment');
 * ```
 */
export function chatCompletionsModel(client: Client, deployment: string, options?: OpenAIChatOptions): OpenAIChatModel {
  return new OpenAIChatModel(deployment, {
    provider: 'azure',
    transport: client.transport,
    path: client.deploymentPath('/chat/completions', deployment),
    ...(options ? { options } : {}),
  });
}
