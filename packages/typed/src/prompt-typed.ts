import {
  Message,
  OneOrMany,
  textOf,
  type AssistantContent,
  type CompletionModel,
  type CompletionResponse,
  type PromptInput,
  type Usage,
} from '@rig-ts/core';
import { parseStructuredOutput } from './parse-structured-output.js';
import { runRepairLoop } from './repair-loop.js';
import { repairPrompt } from './repair-prompt.js';
import type { TypedPromptOptions } from './typed-prompt-options.js';
import type { TypedSchema } from './typed-schema.js';

/** A typed answer with what it cost. */
export interface TypedPromptResponse<T> {
  /** The validated value. */
  value: T;
  /** Summed over every call, repair turns included. */
  usage: Usage;
  /** Every model response, in order (the last one holds the accepted answer). */
  responses: CompletionResponse[];
  /** The new messages of this run, in order: the prompt, each answer, each repair request; the accepted answer last. */
  messages: Message[];
}

/**
 * The assistant turn to replay before a repair request: its text and reasoning (a provider may require the latter
 * back). The response id is left out: it may name the response rather than the message.
 */
export function answerMessage(response: CompletionResponse): Message {
  const content = response.choice.filter(
    (block): block is AssistantContent => block.type === 'text' || block.type === 'reasoning',
  );
  return Message.assistant(OneOrMany.orElse<AssistantContent>(content, { type: 'text', text: '' }));
}

/**
 * Like {@link promptTyped}, but resolves with the value, the summed usage, every response and the new messages.
 */
export async function promptTypedWithDetails<T>(
  model: CompletionModel,
  schema: TypedSchema<T>,
  prompt: PromptInput,
  options: TypedPromptOptions = {},
): Promise<TypedPromptResponse<T>> {
  return runRepairLoop(
    model,
    prompt,
    options,
    (builder) => builder.outputSchema(schema),
    (response) => ({
      result: parseStructuredOutput(schema, textOf(response.choice)),
      message: answerMessage(response),
      repairMessage: (error) => Message.user(repairPrompt(error, schema.name)),
    }),
  );
}

/**
 * Asks `model` for a value of `schema` and returns it validated. The request carries the schema as native structured
 * output (`outputSchema`); the answer is read as strict JSON, else as the first fenced or balanced JSON value in it,
 * then validated. An answer that is not valid JSON or fails validation gets up to `maxRepairs` repair turns (default 1)
 * that send the errors back.
 *
 * @example
 * const result = await promptTyped(model, SentimentAnalysis, "Analyze the sentiment of: 'I love this product!'");
 * result.score; // number, validated
 * @throws {StructuredOutputError} kind `completion` (the call failed; `cause` is the `CompletionError`), `json`,
 * `validation` (with `errors` and `rawText`) or `empty`.
 */
export async function promptTyped<T>(
  model: CompletionModel,
  schema: TypedSchema<T>,
  prompt: PromptInput,
  options?: TypedPromptOptions,
): Promise<T> {
  return (await promptTypedWithDetails(model, schema, prompt, options)).value;
}
