// `@rig-ts/core/internal`: what provider packages share but applications never call. Not covered by semver: any
// release may change or remove these. Applications import from `@rig-ts/core` (or the `rig-ts` facade).
export { readResponse, unreadableResponse } from './unreadable-response.js';
export { reconcileFinishReason, toChoice } from './finish-choice.js';
export { invalidRequest, isRetryableStatus } from './errors/completion-error.js';
export { validateCompletionRequest } from './validate-completion-request.js';
export { prepareRequest } from './prepare-request.js';
export { toPromptError } from './to-prompt-error.js';
export { withTokenUsage } from './get-token-usage.js';
export { limitErrorText } from './limit-error-text.js';
export type { LimitErrorTextOptions } from './limit-error-text.js';
export {
  describeWireValue,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  expectTokenCount,
} from './expect-wire-value.js';
export { isEmptyContent, rejectEmptyAnswer } from './empty-answer.js';
export { mergeProviderOptions } from './merge-provider-options.js';
export { mergeAdditionalParams } from './merge-additional-params.js';
export type { MergeAdditionalParamsOptions } from './merge-additional-params.js';
export { strictToolUnsupportedWarning, toolCallCutWarning } from './warning.js';
export { addRequestWarnings } from './add-request-warnings.js';
export { MAX_TIMER_MS } from './max-timer-ms.js';
export { MAX_WIRE_MESSAGE } from './max-wire-message.js';
export { untilAborted } from './until-aborted.js';
export { postCompletion } from './post-completion.js';
export type { JsonPoster, PreparedRequest } from './post-completion.js';
