import type { AssistantContent } from './assistant-content.js';
import type { OneOrMany } from './one-or-many.js';
import type { TextContent, ToolResult, ToolResultContent, UserContent } from './user-content.js';

/** A message from the user (prompts, tool results, media). */
export interface UserMessage {
  role: 'user';
  content: OneOrMany<UserContent>;
}

/** A message from the model. `id` is the provider's message id where it has one. */
export interface AssistantMessage {
  role: 'assistant';
  id?: string;
  content: OneOrMany<AssistantContent>;
}

/** One turn of a conversation. A history is `Message[]` and round-trips through `JSON.stringify` / `JSON.parse`. */
export type Message = UserMessage | AssistantMessage;

/** Options of {@link Message.toolResult}. */
export interface ToolResultOptions {
  callId?: string;
  name?: string;
  isError?: boolean;
}

function textBlock(text: string): TextContent {
  return { type: 'text', text };
}

/** Helpers to build messages. */
export const Message = {
  /** A user message holding `text`, or the given content blocks. */
  user(content: string | OneOrMany<UserContent>): UserMessage {
    return { role: 'user', content: typeof content === 'string' ? [textBlock(content)] : content };
  },
  /** An assistant message holding `text`, or the given content blocks. */
  assistant(content: string | OneOrMany<AssistantContent>, id?: string): AssistantMessage {
    const message: AssistantMessage = {
      role: 'assistant',
      content: typeof content === 'string' ? [textBlock(content)] : content,
    };
    if (id !== undefined) message.id = id;
    return message;
  },
  /** A user message answering the tool call `id`. A string `content` becomes one text block. */
  toolResult(id: string, content: string | OneOrMany<ToolResultContent>, options: ToolResultOptions = {}): UserMessage {
    const result: ToolResult = {
      type: 'tool-result',
      id,
      content: typeof content === 'string' ? [textBlock(content)] : content,
    };
    if (options.callId !== undefined) result.callId = options.callId;
    if (options.name !== undefined) result.name = options.name;
    if (options.isError !== undefined) result.isError = options.isError;
    return { role: 'user', content: [result] };
  },
};

/** The concatenated text blocks of a message or of content blocks. */
export function textOf(content: readonly (UserContent | AssistantContent)[]): string {
  let text = '';
  for (const block of content) if (block.type === 'text') text += block.text;
  return text;
}
