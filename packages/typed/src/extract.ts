import {
  Message,
  OneOrMany,
  textOf,
  type AssistantContent,
  type CompletionModel,
  type CompletionResponse,
  type JsonSchema,
  type PromptInput,
  type StructuredOutputError,
  type ToolCall,
  type ToolDefinition,
} from '@rig-ts/core';
import { parseJsonText } from './parse-json-text.js';
import { parseStructuredOutput, validateStructuredValue } from './parse-structured-output.js';
import { answerMessage, type TypedPromptResponse } from './prompt-typed.js';
import { runRepairLoop, type RepairLoopAnswer } from './repair-loop.js';
import { repairPrompt } from './repair-prompt.js';
import type { TypedPromptOptions } from './typed-prompt-options.js';
import type { TypedSchema } from './typed-schema.js';

/** The name of the tool the model must call with the extracted data. */
export const SUBMIT_TOOL_NAME = 'submit';

/** The system instructions of {@link extract}; a `preamble` option is appended to them. */
export const EXTRACTION_PREAMBLE =
  'You are an AI assistant whose purpose is to extract structured data from the provided text.\n' +
  'You have access to a `submit` function that defines the structure of the data to extract from the provided text.\n' +
  'Use the `submit` function to submit the structured data. Fill out every field, and ALWAYS call the `submit` function, even with default values.';

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tool parameters must be an object: any other schema is wrapped as the `value` property. */
function submitParameters(schema: JsonSchema): { parameters: JsonSchema; wrapped: boolean } {
  if (schema.type === 'object') return { parameters: schema, wrapped: false };
  const { definitions, $defs, ...inner } = schema;
  const parameters: JsonSchema = { type: 'object', properties: { value: inner }, required: ['value'] };
  if (definitions !== undefined) parameters.definitions = definitions;
  if ($defs !== undefined) parameters.$defs = $defs;
  return { parameters, wrapped: true };
}

function submittedValue(call: ToolCall, wrapped: boolean): unknown {
  let args = call.function.arguments;
  if (typeof args === 'string') {
    const parsed = parseJsonText(args);
    args = parsed.success ? parsed.value : args;
  }
  return wrapped ? (isObject(args) ? args.value : undefined) : args;
}

// An answer of `extract`: the `submit` call's arguments, else (a model that answered in text) its JSON.
function readSubmission<T>(
  schema: TypedSchema<T>,
  response: CompletionResponse,
  wrapped: boolean,
): RepairLoopAnswer<T> {
  const repairText = (error: StructuredOutputError) =>
    `${repairPrompt(error, schema.name)} Call the \`${SUBMIT_TOOL_NAME}\` function with it.`;
  const submitted = response.choice.find(
    (block): block is ToolCall => block.type === 'tool-call' && block.function.name === SUBMIT_TOOL_NAME,
  );
  if (submitted === undefined) {
    return {
      result: parseStructuredOutput(schema, textOf(response.choice)),
      message: answerMessage(response),
      repairMessage: (error) => Message.user(repairText(error)),
    };
  }
  const rawText =
    typeof submitted.function.arguments === 'string'
      ? submitted.function.arguments
      : JSON.stringify(submitted.function.arguments);
  return {
    result: validateStructuredValue(schema, submittedValue(submitted, wrapped), rawText),
    // The answer without the other tool calls (nothing would answer them); it holds the submission at least.
    message: Message.assistant(
      OneOrMany.orElse(
        response.choice.filter((block) => block.type !== 'tool-call' || block === submitted),
        submitted,
      ),
    ),
    repairMessage: (error) =>
      Message.toolResult(submitted.id, repairText(error), {
        ...(submitted.callId === undefined ? {} : { callId: submitted.callId }),
        name: SUBMIT_TOOL_NAME,
        isError: true,
      }),
  };
}

/**
 * Like {@link extract}, but resolves with the value, the summed usage, every response and the new messages.
 */
export async function extractWithDetails<T>(
  model: CompletionModel,
  schema: TypedSchema<T>,
  text: PromptInput,
  options: TypedPromptOptions = {},
): Promise<TypedPromptResponse<T>> {
  const preamble =
    options.preamble === undefined
      ? EXTRACTION_PREAMBLE
      : `${EXTRACTION_PREAMBLE}\n\nAdditional instructions:\n${options.preamble}`;
  const { parameters, wrapped } = submitParameters(schema.jsonSchema);
  const tool: ToolDefinition = {
    name: SUBMIT_TOOL_NAME,
    description: `Submit the structured data extracted from the text${schema.description ? `: ${schema.description}` : '.'}`,
    parameters,
  };
  return runRepairLoop(
    model,
    text,
    { ...options, preamble },
    (builder) => builder.tool(tool).toolChoice('required'),
    (response) => readSubmission(schema, response, wrapped),
  );
}

/**
 * Extracts a value of `schema` from `text` by making the model call a `submit` tool whose parameters are the schema
 * (Rig's extractor) — for providers without native structured output, or where tool calling is more reliable. The
 * arguments are validated like {@link promptTyped}'s answer; a failure gets up to `maxRepairs` repair turns (default 1)
 * answering the call with the errors.
 *
 * @example
 * const person = await extract(model, Person, 'Ada Lovelace was born in 1815 in London.');
 * @throws {StructuredOutputError} kind `completion`, `json`, `validation` or `empty`.
 */
export async function extract<T>(
  model: CompletionModel,
  schema: TypedSchema<T>,
  text: PromptInput,
  options?: TypedPromptOptions,
): Promise<T> {
  return (await extractWithDetails(model, schema, text, options)).value;
}
