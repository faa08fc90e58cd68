import type { SimulatorApi } from './sim-conversation.js';

const OPENAI_TYPES: { [status: number]: string } = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'requests',
};
const ANTHROPIC_TYPES: { [status: number]: string } = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};
const GOOGLE_STATUSES: { [status: number]: string } = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  504: 'DEADLINE_EXCEEDED',
};

/** Details an error body may carry. */
export interface ErrorDetails {
  param?: string | undefined;
  /** Seconds to wait, for Gemini's `RetryInfo` detail. */
  retryAfterSeconds?: number | undefined;
  /** Anthropic puts the request id in the body too. */
  requestId?: string | undefined;
}

/** The error body each API sends for `status` (as JSON text): OpenAI, Anthropic and Gemini envelopes, Ollama `{error}`. */
export function providerErrorBody(
  api: SimulatorApi | undefined,
  status: number,
  message: string,
  details: ErrorDetails = {},
): string {
  switch (api) {
    case 'anthropic': {
      const body: { [key: string]: unknown } = {
        type: 'error',
        error: { type: ANTHROPIC_TYPES[status] ?? 'api_error', message },
      };
      if (details.requestId !== undefined) body.request_id = details.requestId;
      return JSON.stringify(body);
    }
    case 'gemini': {
      const error: { [key: string]: unknown } = {
        code: status,
        message,
        status: GOOGLE_STATUSES[status] ?? 'UNAVAILABLE',
      };
      if (status === 429 && details.retryAfterSeconds !== undefined) {
        error.details = [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${details.retryAfterSeconds}s` },
        ];
      }
      return JSON.stringify({ error }, null, 2);
    }
    case 'ollama':
      return JSON.stringify({ error: message });
    default: {
      const type = OPENAI_TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
      const code = status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_api_key' : null;
      return JSON.stringify({ error: { message, type, param: details.param ?? null, code } });
    }
  }
}

/** The HTML page a proxy in front of an API sends when the API is down (the `html` fault). */
export const HTML_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
