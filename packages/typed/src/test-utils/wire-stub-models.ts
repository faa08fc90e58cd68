import {
  BaseCompletionModel,
  textOf,
  type CompletionRequest,
  type CompletionResponse,
  type JsonSchema,
  type StreamingCompletionResponse,
} from '@rig-ts/core';

// Tiny stand-ins for the OpenAI and Anthropic providers (tests only): just enough of each wire to show that typed
// output reaches the provider in its native form and comes back typed. The real providers replace them.

function messagesOf(request: CompletionRequest): { role: 'user' | 'assistant'; text: string }[] {
  return request.chatHistory.map((message) => ({ role: message.role, text: textOf(message.content) }));
}

/** OpenAI strict mode: every property required (optional ones nullable), no additional properties. */
export function strictOpenAISchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictOpenAISchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(schema))
    result[key] = key === 'properties' ? undefined : strictOpenAISchema(value);
  const source = schema as JsonSchema;
  if (source.type === 'object' && typeof source.properties === 'object' && source.properties !== null) {
    const required = new Set(Array.isArray(source.required) ? (source.required as string[]) : []);
    const properties: { [key: string]: unknown } = {};
    for (const [name, property] of Object.entries(source.properties)) {
      properties[name] = required.has(name)
        ? strictOpenAISchema(property)
        : { anyOf: [strictOpenAISchema(property), { type: 'null' }] };
    }
    result.properties = properties;
    result.required = Object.keys(source.properties);
    result.additionalProperties = false;
  } else delete result.properties;
  return result;
}

async function post(url: string, body: unknown): Promise<{ [key: string]: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { [key: string]: any };
}

/** OpenAI Chat Completions with `response_format: json_schema` (strict). */
export class OpenAIChatStubModel extends BaseCompletionModel {
  readonly provider = 'openai-stub';
  readonly #baseURL: string;

  constructor(baseURL: string, modelId = 'gpt-4o') {
    super(modelId);
    this.#baseURL = baseURL;
  }

  async completion(request: CompletionRequest): Promise<CompletionResponse> {
    const messages: { role: string; content: string }[] =
      request.preamble === undefined ? [] : [{ role: 'system', content: request.preamble }];
    for (const message of messagesOf(request)) messages.push({ role: message.role, content: message.text });
    const body: { [key: string]: unknown } = { model: this.modelId, messages };
    if (request.outputSchema !== undefined) {
      const { name, description, schema } = request.outputSchema;
      body.response_format = {
        type: 'json_schema',
        json_schema: {
          name,
          ...(description === undefined ? {} : { description }),
          schema: strictOpenAISchema(schema),
          strict: true,
        },
      };
    }
    const json = await post(`${this.#baseURL}/v1/chat/completions`, body);
    const choice = json.choices[0];
    return {
      choice: [{ type: 'text', text: choice.message.content }],
      usage: {
        promptTokens: json.usage.prompt_tokens,
        completionTokens: json.usage.completion_tokens,
        totalTokens: json.usage.total_tokens,
      },
      finishReason: choice.finish_reason === 'stop' ? 'stop' : 'other',
      rawFinishReason: choice.finish_reason,
      id: json.id,
      rawResponse: json,
    };
  }

  stream(): Promise<StreamingCompletionResponse> {
    throw new Error('not used');
  }
}

/** Anthropic Messages with `output_config.format: json_schema`. */
export class AnthropicStubModel extends BaseCompletionModel {
  readonly provider = 'anthropic-stub';
  readonly #baseURL: string;

  constructor(baseURL: string, modelId = 'claude-sonnet-4-5') {
    super(modelId);
    this.#baseURL = baseURL;
  }

  async completion(request: CompletionRequest): Promise<CompletionResponse> {
    const body: { [key: string]: unknown } = {
      model: this.modelId,
      max_tokens: request.maxTokens ?? 4096,
      messages: messagesOf(request).map((message) => ({
        role: message.role,
        content: [{ type: 'text', text: message.text }],
      })),
    };
    if (request.preamble !== undefined) body.system = request.preamble;
    if (request.outputSchema !== undefined)
      body.output_config = { format: { type: 'json_schema', schema: request.outputSchema.schema } };
    const json = await post(`${this.#baseURL}/v1/messages`, body);
    const input = json.usage.input_tokens + json.usage.cache_read_input_tokens + json.usage.cache_creation_input_tokens;
    return {
      choice: [{ type: 'text', text: json.content[0].text }],
      usage: {
        promptTokens: input,
        completionTokens: json.usage.output_tokens,
        totalTokens: input + json.usage.output_tokens,
      },
      finishReason: json.stop_reason === 'end_turn' ? 'stop' : 'other',
      rawFinishReason: json.stop_reason,
      id: json.id,
      rawResponse: json,
    };
  }

  stream(): Promise<StreamingCompletionResponse> {
    throw new Error('not used');
  }
}
