import { chatProviderResponsesModel, type ResponsesModelFunction } from '@rig-ts/openai-wire';
import type { Client } from './xai-provider.js';

/**
 * A model on xAI's Responses API (`POST /responses`), sharing `client`'s key, base URL and transport. A function
 * rather than a `Client` method, so that an app using only Chat Completions (`client.completionModel`) carries none of
 * the Responses code.
 *
 * ```ts
 * import * as xai from '@rig-ts/xai';
 * const model = xai.responsesModel(xai.Client.fromEnv(), 'grok-4-fast-reasoning');
 * ```
 */
export const responsesModel: ResponsesModelFunction<Client> = chatProviderResponsesModel;
