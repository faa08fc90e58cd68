import { RigError, type JsonSchema } from '@rig-ts/core';

/** The wire APIs the simulator speaks. */
export type SimulatorApi = 'openai-responses' | 'openai-chat' | 'anthropic' | 'gemini' | 'ollama';

export interface SimToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

/** One message of a request, whatever its wire format. */
export type SimMessage =
  | { role: 'user'; text: string }
  | { role: 'assistant'; text: string; toolCalls: SimToolCall[] }
  | { role: 'tool'; callId: string; name: string | undefined; text: string };

export interface SimTool {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** Which tools the request lets or makes the model call. */
export type SimToolChoice =
  { type: 'auto' } | { type: 'none' } | { type: 'required'; names?: string[] } | { type: 'tool'; name: string };

/** What a request asks for, independent of its wire format: the input of the deterministic model. */
export interface SimConversation {
  api: SimulatorApi;
  model: string;
  stream: boolean;
  system: string;
  messages: SimMessage[];
  tools: SimTool[];
  toolChoice: SimToolChoice;
  /** Structured output: a JSON Schema, or JSON mode without a schema. */
  output: { schema: JsonSchema } | { json: true } | undefined;
  maxOutputTokens: number | undefined;
}

/** A request the simulator rejects (HTTP 400), answered in the provider's error envelope. */
export class SimRequestError extends RigError {
  readonly param: string | undefined;
  readonly status: number;

  constructor(message: string, param?: string, status = 400) {
    super({ message });
    this.param = param;
    this.status = status;
  }
}
