import type { JsonValue } from '@rig-ts/core';
import { estimateTokens } from '../estimate-tokens.js';
import { generateSchemaInstance } from '../schema/generate-schema-instance.js';
import { pickFromPrompt } from './pick-from-prompt.js';
import { SimRequestError, type SimConversation, type SimTool } from './sim-conversation.js';

/** What the deterministic model answers, before it is written in a wire format. */
export interface SimAnswer {
  reasoning: string | undefined;
  /** Absent when the turn only calls tools. */
  text: string | undefined;
  toolCalls: { name: string; arguments: JsonValue }[];
  finish: 'stop' | 'tool-calls' | 'length';
  inputTokens: number;
  /** Output tokens, reasoning included. */
  outputTokens: number;
  reasoningTokens: number;
}

/** Model names that answer with reasoning first. */
export const REASONING_MODEL = /reasoning|think/i;

/** The simulator's text answer to a plain prompt: `You said: "<prompt>". This is a simulated answer from the rig-ts simulator.` */
export function simulatedAnswer(prompt: string): string {
  return `You said: "${prompt}". This is a simulated answer from the rig-ts simulator.`;
}

function promptCharacters(conversation: SimConversation): number {
  let characters = conversation.system.length;
  for (const message of conversation.messages) {
    characters += message.text.length;
    if (message.role === 'assistant')
      for (const call of message.toolCalls)
        characters += call.name.length + JSON.stringify(call.arguments ?? {}).length;
  }
  for (const tool of conversation.tools)
    characters += tool.name.length + tool.description.length + JSON.stringify(tool.parameters).length;
  return characters;
}

function toolsToCall(conversation: SimConversation, prompt: string, answered: boolean): SimTool[] {
  const choice = conversation.toolChoice;
  if (choice.type === 'none') return [];
  if (choice.type === 'tool') {
    const tool = conversation.tools.find((candidate) => candidate.name === choice.name);
    if (tool === undefined)
      throw new SimRequestError(
        `tool_choice names the tool "${choice.name}", which is not among the tools`,
        'tool_choice',
      );
    return [tool];
  }
  const offered =
    choice.type === 'required' && choice.names !== undefined
      ? conversation.tools.filter((tool) => choice.names!.includes(tool.name))
      : conversation.tools;
  const lower = prompt.toLowerCase();
  const named = offered.filter((tool) => lower.includes(tool.name.toLowerCase()));
  if (choice.type === 'required') return named.length > 0 ? named : offered.slice(0, 1);
  return answered ? [] : named;
}

/**
 * The simulator's deterministic model. From the last user message's text (the prompt):
 * - forced tool choice (required / any / a named tool) always calls a tool: the named one, or the tools the prompt
 *   names, or the first offered;
 * - with tool choice auto, when the prompt names offered tools (case-insensitive substring) and no tool result came
 *   after it, it calls each named tool, with arguments generated from its parameters schema and taken from the prompt
 *   where the schema allows (see `pickFromPrompt`: `in Paris` → `{ "city": "Paris" }`);
 * - otherwise it answers text: each tool result after the prompt as `The <name> tool returned: <result>` (one line
 *   each), or `You said: "<prompt>". This is a simulated answer from the rig-ts simulator.`; with an output schema the
 *   text is instead a JSON instance of the schema (values from the prompt where they fit, as for tool arguments), and
 *   in JSON mode without a schema `{"answer":"<text>"}`;
 * - a text longer than `maxOutputTokens` tokens is cut to 4 characters per token and finishes with `length`;
 * - models whose name contains `reasoning` or `think` first reason: `Thinking about: <prompt>`.
 * Usage: a token per 4 characters (rounded up) of the system text, messages, tool calls and tool definitions (input)
 * and of the text, tool-call names and JSON arguments and reasoning (output).
 */
export function answerConversation(conversation: SimConversation): SimAnswer {
  const messages = conversation.messages;
  let lastUser = -1;
  for (let index = messages.length - 1; index >= 0; index--) {
    if (messages[index]!.role === 'user') {
      lastUser = index;
      break;
    }
  }
  const prompt = lastUser === -1 ? '' : messages[lastUser]!.text;
  const results = messages.slice(lastUser + 1).filter((message) => message.role === 'tool');
  const reasoning = REASONING_MODEL.test(conversation.model) ? `Thinking about: ${prompt}` : undefined;
  const reasoningTokens = reasoning === undefined ? 0 : estimateTokens(reasoning.length);
  const inputTokens = estimateTokens(promptCharacters(conversation));
  const tools = toolsToCall(conversation, prompt, results.length > 0);
  if (tools.length > 0) {
    const toolCalls = tools.map((tool) => ({
      name: tool.name,
      arguments: generateSchemaInstance(tool.parameters, { pick: pickFromPrompt(prompt) }),
    }));
    const characters = toolCalls.reduce(
      (sum, call) => sum + call.name.length + JSON.stringify(call.arguments).length,
      0,
    );
    return {
      reasoning,
      text: undefined,
      toolCalls,
      finish: 'tool-calls',
      inputTokens,
      outputTokens: estimateTokens(characters) + reasoningTokens,
      reasoningTokens,
    };
  }
  let text =
    results.length > 0
      ? results
          .map((result) =>
            result.role === 'tool' && result.name
              ? `The ${result.name} tool returned: ${result.text}`
              : `The tool returned: ${result.text}`,
          )
          .join('\n')
      : simulatedAnswer(prompt);
  const output = conversation.output;
  if (output !== undefined)
    text =
      'schema' in output
        ? JSON.stringify(generateSchemaInstance(output.schema, { pick: pickFromPrompt(prompt) }))
        : JSON.stringify({ answer: text });
  let finish: SimAnswer['finish'] = 'stop';
  const limit = conversation.maxOutputTokens;
  if (limit !== undefined && estimateTokens(text.length) > limit) {
    text = [...text].slice(0, limit * 4).join('');
    finish = 'length';
  }
  return {
    reasoning,
    text,
    toolCalls: [],
    finish,
    inputTokens,
    outputTokens: estimateTokens(text.length) + reasoningTokens,
    reasoningTokens,
  };
}
