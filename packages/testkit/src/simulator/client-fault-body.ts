import { providerErrorBody } from './provider-error-body.js';
import type { SimulatorApi } from './sim-conversation.js';

/** The faults a client causes: a bad request, a bad API key, an unknown model. */
export type ClientFault = '400' | '401' | '404';

/** What the request that meets a client fault was. */
export interface ClientFaultRequest {
  api: SimulatorApi;
  /** The model id, without the fault it may carry (`gpt-4o` for `gpt-4o-fault-404`). */
  model: string;
  /** The path, for Gemini's API version and method. */
  path: string;
  /** Anthropic repeats it in the body. */
  requestId: string | undefined;
}

const SUFFIX = (fault: ClientFault) => ` (simulated fault ${fault})`;

function geminiError(code: number, status: string, message: string, details?: unknown[]): string {
  return JSON.stringify({ error: { code, message, status, ...(details === undefined ? {} : { details }) } }, null, 2);
}

/**
 * The status and body each API answers for a client fault, in the provider's own words and envelope (as recorded from
 * the real APIs):
 * - `400`: the API's invalid-request error;
 * - `401`, a bad API key: OpenAI's `invalid_api_key`, Anthropic's `authentication_error`, Ollama's `unauthorized`; Gemini
 *   answers a bad key with HTTP 400 `INVALID_ARGUMENT` and the reason `API_KEY_INVALID`, and so does the simulator;
 * - `404`, an unknown model: OpenAI's `model_not_found`, Anthropic's `not_found_error`, Gemini's `NOT_FOUND`, Ollama's
 *   `model "…" not found`.
 * Every message ends with `(simulated fault <n>)`; none repeats the key.
 */
export function clientFaultBody(fault: ClientFault, request: ClientFaultRequest): { status: number; body: string } {
  const { api, model, requestId } = request;
  const suffix = SUFFIX(fault);
  switch (fault) {
    case '400': {
      const message =
        api === 'gemini'
          ? 'Request contains an invalid argument.'
          : api === 'ollama'
            ? 'invalid request'
            : 'Invalid request.';
      return { status: 400, body: providerErrorBody(api, 400, message + suffix, { requestId }) };
    }
    case '401':
      switch (api) {
        case 'anthropic':
          return { status: 401, body: providerErrorBody(api, 401, `invalid x-api-key${suffix}`, { requestId }) };
        case 'gemini': {
          const message = `API key not valid. Please pass a valid API key.${suffix}`;
          const details = [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
              metadata: { service: 'generativelanguage.googleapis.com' },
            },
            { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
          ];
          return { status: 400, body: geminiError(400, 'INVALID_ARGUMENT', message, details) };
        }
        case 'ollama':
          return { status: 401, body: providerErrorBody(api, 401, `unauthorized${suffix}`) };
        default:
          return {
            status: 401,
            body: providerErrorBody(
              api,
              401,
              `Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.${suffix}`,
            ),
          };
      }
    case '404':
      switch (api) {
        case 'anthropic':
          return { status: 404, body: providerErrorBody(api, 404, `model: ${model}${suffix}`, { requestId }) };
        case 'gemini': {
          const [, version = 'v1beta', method = 'generateContent'] =
            /^\/(v1beta|v1)\/models\/[^/:]+:(\w+)/.exec(request.path) ?? [];
          const message = `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.${suffix}`;
          return { status: 404, body: geminiError(404, 'NOT_FOUND', message) };
        }
        case 'ollama':
          return {
            status: 404,
            body: providerErrorBody(api, 404, `model "${model}" not found, try pulling it first${suffix}`),
          };
        default: {
          const message = `The model \`${model}\` does not exist or you do not have access to it.${suffix}`;
          return {
            status: 404,
            body: JSON.stringify({
              error: { message, type: 'invalid_request_error', param: null, code: 'model_not_found' },
            }),
          };
        }
      }
  }
}
