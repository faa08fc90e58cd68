import { chatProviderResponsesModel, type ResponsesModelFunction } from '@rig-ts/openai-wire';
import type { Client } from './openai-compatible-provider.js';

/**
 * A model on a server's Responses API endpoint (LM Studio, and other Open Responses servers), at the client's
 * `responsesPath` under the same base URL and with the same key and transport. A function rather than a `Client`
 * method, so that an app using only Chat Completions (`client.completionModel`) carries none of the Responses code.
 *
 * ```ts
 * import * as compatible from '@rig-ts/openai-compatible';
 * const model = compatible.responsesModel(new compatible.Client(compatible.KNOWN_SERVERS.lmStudio), 'openai/gpt-oss-20b');
 * ```
 */
export const responsesModel: ResponsesModelFunction<Client> = (client, modelId, options) =>
  chatProviderResponsesModel(client, modelId, options, client.responsesPath);
