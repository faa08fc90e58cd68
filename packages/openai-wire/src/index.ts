export { OpenAIResponsesModel } from './responses/openai-responses-model.js';
export type { OpenAIResponsesModelConfig, OpenAIResponsesRawResponse } from './responses/openai-responses-model.js';
export type { OpenAIResponsesOptions } from './responses/openai-responses-options.js';
export { parseOpenAIResponsesResponse } from './responses/parse-openai-responses-response.js';
export type {
  ResponsesRequest,
  ResponsesResponse,
  ResponsesStreamEvent,
} from './responses/openai-responses-api-types.js';
export { OpenAIChatModel } from './chat/openai-chat-model.js';
export type { OpenAIChatModelConfig, OpenAIChatRawResponse } from './chat/openai-chat-model.js';
export type { OpenAIChatOptions } from './chat/openai-chat-options.js';
export { parseOpenAIChatResponse } from './chat/parse-openai-chat-response.js';
export { OPENAI_CHAT_QUIRKS } from './chat/openai-chat-quirks.js';
export type { ChatQuirks } from './chat/openai-chat-quirks.js';
export type { ChatStreamRaw } from './chat/openai-chat-stream.js';
export type { ProviderErrorReader } from './chat/chat-provider-error.js';
export type { ChatChunk, ChatRequest, ChatResponse } from './chat/openai-chat-api-types.js';
export type { OpenAITextMetadata } from './openai-metadata.js';
export { isReasoningModel } from './is-reasoning-model.js';
export { rejectApiOption } from './reject-api-option.js';
export type { CompletionModelApi } from './reject-api-option.js';
export { normalizeStrictSchema } from './normalize-strict-schema.js';
export type { StrictSchema } from './normalize-strict-schema.js';
export { ChatProviderClient } from './chat-provider-client.js';
export { chatProviderResponsesModel } from './chat-provider-responses-model.js';
export type { ResponsesModelFunction } from './chat-provider-responses-model.js';
export type { ChatProviderClientOptions, ChatProviderDefinition } from './chat-provider-client.js';
