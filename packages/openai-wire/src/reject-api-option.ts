import { invalidRequest } from '@rig-ts/core/internal';

/** Which API a client's `completionModel()` speaks, the package namespace and the model id, for the message. */
export interface CompletionModelApi {
  /** `responses`: `completionModel()` is the Responses API; `chat`: it is Chat Completions. */
  api: 'responses' | 'chat';
  /** The namespace the package is imported as in its README (`openai`, `xai`). */
  namespace: string;
  modelId: string;
}

/**
 * Throws a `request` error (path `api`) when model options carry `api`, the option that once chose the API of
 * `completionModel()`: each API now has a function of its own, and the message names the one to call instead.
 */
export function rejectApiOption(options: object | undefined, model: CompletionModelApi): void {
  if (options === undefined || !('api' in options)) return;
  const [current, other, call] =
    model.api === 'responses'
      ? ['the Responses API', 'Chat Completions', 'chatCompletionsModel']
      : ['Chat Completions', 'the Responses API', 'responsesModel'];
  throw invalidRequest(
    `the api option is gone: completionModel() is ${current}; for ${other} call ${model.namespace}.${call}(client, '${model.modelId}', options)`,
    'api',
  );
}
