import type { ChatProviderClient } from './chat-provider-client.js';
import { OpenAIResponsesModel } from './responses/openai-responses-model.js';
import type { OpenAIResponsesOptions } from './responses/openai-responses-options.js';

/**
 * The `responsesModel(client, modelId, options?)` a provider package exports for its own `Client`: a model on that
 * client's Responses API endpoint.
 */
export type ResponsesModelFunction<Client> = (
  client: Client,
  modelId: string,
  options?: OpenAIResponsesOptions,
) => OpenAIResponsesModel;

/**
 * A model on a Chat-Completions provider's Responses API endpoint (`path` under the same base URL), for providers that
 * also speak it: `client` is a {@link ChatProviderClient}, or any client with its `definition` and `transport`. A
 * function, not a method of {@link ChatProviderClient}, so that a bundle using only the chat model carries none of the
 * Responses code.
 */
export function chatProviderResponsesModel(
  client: Pick<ChatProviderClient<object>, 'definition' | 'transport'>,
  modelId: string,
  options?: OpenAIResponsesOptions,
  path = '/responses',
): OpenAIResponsesModel {
  return new OpenAIResponsesModel(modelId, {
    provider: client.definition.provider,
    transport: client.transport,
    path,
    ...(options ? { options } : {}),
  });
}
