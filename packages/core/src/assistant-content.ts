import type { TextContent } from './user-content.js';

/** A tool call requested by the model. */
export interface ToolCall {
  type: 'tool-call';
  /** Correlation id; tool results answer it with the same `id`. Minted when the provider sends none. */
  id: string;
  /** The provider's second id where it has two (OpenAI Responses: `id` is `fc_…`, `callId` is `call_…`). */
  callId?: string;
  function: {
    name: string;
    /** Parsed arguments (usually an object). */
    arguments: unknown;
  };
  /** A signature the provider requires back with the call (Gemini `thoughtSignature`). */
  signature?: string;
  /**
   * The arguments text as the model wrote it, when it is not valid JSON (then `function.arguments` is `{}`). An agent
   * answers such a call with a tool error asking for JSON instead of running the tool.
   */
  unparseableArguments?: string;
  providerMetadata?: { [key: string]: unknown };
}

/** One piece of a reasoning block. */
export type ReasoningContent =
  | { type: 'text'; text: string; signature?: string }
  | { type: 'summary'; text: string }
  | { type: 'encrypted'; data: string }
  | { type: 'redacted'; data: string };

/** The model's reasoning, with what providers require to be sent back (signatures, encrypted content). */
export interface Reasoning {
  type: 'reasoning';
  /** Provider item id (OpenAI Responses `rs_…`). */
  id?: string;
  content: readonly ReasoningContent[];
  providerMetadata?: { [key: string]: unknown };
}

/** Anything an assistant message can hold. */
export type AssistantContent = TextContent | ToolCall | Reasoning;

/** The readable text of a reasoning block (text and summaries, joined by newlines). */
export function reasoningText(reasoning: Reasoning): string {
  let text = '';
  for (const part of reasoning.content) {
    if (part.type === 'text' || part.type === 'summary') text += (text ? '\n' : '') + part.text;
  }
  return text;
}

/** Helpers to build assistant content blocks. */
export const AssistantContent = {
  text(text: string): TextContent {
    return { type: 'text', text };
  },
  toolCall(id: string, name: string, args: unknown, callId?: string): ToolCall {
    const call: ToolCall = { type: 'tool-call', id, function: { name, arguments: args } };
    if (callId !== undefined) call.callId = callId;
    return call;
  },
  reasoning(text: string, signature?: string): Reasoning {
    return {
      type: 'reasoning',
      content: [signature === undefined ? { type: 'text', text } : { type: 'text', text, signature }],
    };
  },
};
