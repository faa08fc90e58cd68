import type { AgentHook } from './agent-hook.js';

/** One logged model call. */
export interface RawResponseLogEntry {
  turn: number;
  model: string | undefined;
  requestId: string | undefined;
  finishReason: string;
  rawResponse: unknown;
}

/**
 * A hook that hands every raw provider response to `log`, with its turn, model, request id and finish reason: to see
 * exactly what a provider answered when debugging.
 */
export function rawResponseLogger(log: (entry: RawResponseLogEntry) => void): AgentHook {
  return {
    afterCompletion({ turn, response }) {
      log({
        turn,
        model: response.model,
        requestId: response.requestId,
        finishReason: response.rawFinishReason ?? response.finishReason,
        rawResponse: response.rawResponse,
      });
    },
  };
}
