export {
  chunkedStream,
  jsonResponse,
  okChatAnswer,
  okChatStream,
  recordedInteraction,
  recordingFetch,
  sseResponse,
} from './serve.js';
export type { RecordingFetch } from './serve.js';
export { summarizeChat, summarizeResponses } from './summarize.js';
export type { ChatSummary, ResponsesSummary } from './summarize.js';
export {
  chatBodySummary,
  chatChunksBody,
  chatChunksSummary,
  deriveExpectations,
  responsesBodySummary,
  responsesSegments,
  sseDataPayloads,
} from './derive-expectations.js';
export type { Expectations, StreamFailure } from './derive-expectations.js';
export {
  anthropicMessageExpectation,
  anthropicStreamMessages,
  deriveAnthropicExpectations,
  rebuildAnthropicMessage,
} from './derive-anthropic-expectations.js';
export type { AnthropicDerivationOptions, AnthropicExpectation } from './derive-anthropic-expectations.js';
export { deriveGeminiExpectations, geminiExpectation, geminiRecordedEvents } from './derive-gemini-expectations.js';
export type { GeminiExpectation } from './derive-gemini-expectations.js';
export { describeRecordings } from './replay-recordings.js';
export type { ReplayOptions } from './replay-recordings.js';
export {
  replayCompletion,
  replayCompletionError,
  replayRequest,
  replayStream,
  replayStreamRequestBody,
} from './replay-request.js';
export type { ModelFactory } from './replay-request.js';
export { comparableContent } from './comparable-content.js';
export { openApiSpec } from './openapi-validator.js';
export type { SpecCheck } from './openapi-validator.js';
export { bundleText } from './bundle-text.js';
export { collectStream, streamedKinds, streamedTexts } from './collect-stream.js';
export type { CollectedStream } from './collect-stream.js';
export { contractRequest, contractTool, describeStreamContracts } from './describe-stream-contracts.js';
export type {
  AdditionalParamsCase,
  BadDelta,
  ContractModel,
  MalformedCase,
  StreamContracts,
} from './describe-stream-contracts.js';
export { describeUnexpectedAnswers } from './describe-unexpected-answers.js';
export type { AnswerTransport, UnexpectedAnswers } from './describe-unexpected-answers.js';
export { describeRefusedApiOption } from './describe-refused-api-option.js';
export { describePresetRecordings } from './describe-preset-recordings.js';
export type { PresetRecordings } from './describe-preset-recordings.js';
export { requestError } from './request-error.js';
export { weatherTool } from './weather-tool.js';
export { useLoopbackModel } from './use-loopback-model.js';
export { useTestServer } from './use-test-server.js';
export type { TestServers } from './use-test-server.js';
export type { LoopbackModel } from './use-loopback-model.js';
export { collectBatchResults } from './collect-batch-results.js';
export type { CollectedBatchResults } from './collect-batch-results.js';
export { completeAlone } from './complete-alone.js';
export type { AloneCompletion } from './complete-alone.js';
export { bundleBatchEntryApps } from './bundle-batch-entry-apps.js';
export type { BatchEntryApps } from './bundle-batch-entry-apps.js';
