// The public API of @rig-ts/core. Helpers meant for provider packages are on `@rig-ts/core/internal`.
export { OneOrMany } from './one-or-many.js';
export type { JsonObject, JsonSchema, JsonValue, ProviderOptions } from './json-value.js';
export type { AudioMediaType, DocumentMediaType, ImageMediaType, VideoMediaType } from './media-type.js';
export type { MediaSource } from './media-source.js';
export { UserContent } from './user-content.js';
export type {
  AudioContent,
  DocumentContent,
  ImageContent,
  TextContent,
  ToolResult,
  ToolResultContent,
  VideoContent,
} from './user-content.js';
export { AssistantContent, reasoningText } from './assistant-content.js';
export type { Reasoning, ReasoningContent, ToolCall } from './assistant-content.js';
export { Message, textOf } from './message.js';
export { parseHistory, parseMessage, stringifyHistory } from './parse-history.js';
export type { ParseHistoryOptions } from './parse-history.js';
export { base64ToBytes, base64ToText, bytesToBase64 } from './base64.js';
export type { AssistantMessage, ToolResultOptions, UserMessage } from './message.js';
export type { ToolDefinition } from './tool-definition.js';
export { ToolChoice } from './tool-choice.js';
export { documentsMessage, messagesWithDocuments, renderDocument } from './document.js';
export type { Document } from './document.js';
export { addUsage, emptyUsage } from './usage.js';
export type { Usage } from './usage.js';
export type { GetTokenUsage } from './get-token-usage.js';
export type { FinishReason } from './finish-reason.js';
export type { ToolCallCutWarning, Warning } from './warning.js';
export type { CompletionResponse } from './completion-response.js';
export type { CallOptions } from './call-options.js';
export { toOutputSchema } from './output-schema.js';
export type { OutputSchema, OutputSchemaInput } from './output-schema.js';
export type { CompletionRequest } from './completion-request.js';
export { CompletionRequestBuilder } from './completion-request-builder.js';
export type { CompletionModel, PromptInput } from './completion-model.js';
export { BaseCompletionModel } from './base-completion-model.js';
export type { Chat, Completion, Prompt, StreamingChat, StreamingCompletion, StreamingPrompt } from './traits.js';
export { isCancelled } from './is-cancelled.js';
export type {
  StreamedAssistantContent,
  StreamedFinal,
  StreamedReasoning,
  StreamedReasoningDelta,
  StreamedText,
  StreamedToolCall,
  StreamedToolCallDelta,
  StreamedToolResult,
} from './streamed-assistant-content.js';
export type { StreamingCompletionResponse } from './streaming-completion-response.js';
export { RigError, hasErrorMarker } from './errors/rig-error.js';
export type { RigErrorOptions } from './errors/rig-error.js';
export type { ErrorUnionConstructor } from './errors/error-union.js';
export { CompletionError } from './errors/completion-error.js';
export type {
  CompletionErrorFields,
  CompletionErrorKind,
  CompletionErrorOptions,
  CompletionHttpErrorFields,
  CompletionJsonErrorFields,
  CompletionProviderErrorFields,
  CompletionRequestErrorFields,
  CompletionResponseErrorFields,
  ProviderErrorInfo,
} from './errors/completion-error.js';
export { PromptError } from './errors/prompt-error.js';
export type { PromptErrorFields, PromptErrorKind, PromptErrorOptions } from './errors/prompt-error.js';
export { StructuredOutputError } from './errors/structured-output-error.js';
export type {
  StructuredOutputErrorFields,
  StructuredOutputErrorOptions,
  ValidationIssue,
} from './errors/structured-output-error.js';
