import {
  addUsage,
  emptyUsage,
  Message,
  type CompletionModel,
  type CompletionRequestBuilder,
  type CompletionResponse,
  type PromptInput,
  type StructuredOutputError,
} from '@rig-ts/core';
import type { StructuredOutputResult } from './parse-structured-output.js';
import type { TypedPromptResponse } from './prompt-typed.js';
import { toStructuredOutputError } from './to-structured-output-error.js';
import {
  applyRequestOptions,
  splitTypedOptions,
  TYPED_PROMPT_DEFAULTS,
  type TypedPromptOptions,
} from './typed-prompt-options.js';

/** What one model answer of a repair loop holds. */
export interface RepairLoopAnswer<T> {
  result: StructuredOutputResult<T>;
  /** The assistant turn kept in the conversation. */
  message: Message;
  /** The turn that asks the model to correct the answer. */
  repairMessage(error: StructuredOutputError): Message;
}

/**
 * Asks `model` for a typed answer, with up to `maxRepairs` repair turns: `prepare` completes each request (the
 * conversation is already set; the request options are applied after it), `read` interprets each response. A failed
 * call becomes a `completion` StructuredOutputError; the last failed answer's error (or an `empty` one) is thrown.
 */
export async function runRepairLoop<T>(
  model: CompletionModel,
  prompt: PromptInput,
  options: TypedPromptOptions,
  prepare: (builder: CompletionRequestBuilder) => void,
  read: (response: CompletionResponse) => RepairLoopAnswer<T>,
): Promise<TypedPromptResponse<T>> {
  const { request, call } = splitTypedOptions(options);
  const maxRepairs = request.maxRepairs ?? TYPED_PROMPT_DEFAULTS.maxRepairs;
  const history = request.history ?? [];
  const messages: Message[] = [typeof prompt === 'string' ? Message.user(prompt) : prompt];
  const responses: CompletionResponse[] = [];
  let usage = emptyUsage();
  for (let repairs = 0; ; repairs++) {
    const builder = model
      .completionRequest(messages[messages.length - 1]!)
      .messages(history)
      .messages(messages.slice(0, -1));
    prepare(builder);
    // The caller's configureRequest runs outside the try: what it throws is not a model failure.
    applyRequestOptions(builder, request);
    let response: CompletionResponse;
    try {
      response = await builder.send(call);
    } catch (error) {
      throw toStructuredOutputError(error, call.signal);
    }
    responses.push(response);
    usage = addUsage(usage, response.usage);
    const answer = read(response);
    messages.push(answer.message);
    if (answer.result.success) return { value: answer.result.value, usage, responses, messages };
    if (repairs >= maxRepairs || answer.result.error.kind === 'empty') throw answer.result.error;
    messages.push(answer.repairMessage(answer.result.error));
  }
}
