/**
 * How a Chat-Completions server departs from OpenAI's own behaviour. `@rig-ts/openai-compatible` and the presets
 * set these; OpenAI itself uses {@link OPENAI_CHAT_QUIRKS}.
 */
export interface ChatQuirks {
  /** Where the server puts reasoning text in messages and deltas (DeepSeek, vLLM: `reasoning_content`; Groq, OpenRouter: `reasoning`). */
  reasoningField: 'reasoning_content' | 'reasoning' | 'none';
  /**
   * Send earlier reasoning back in assistant messages: `true` in the reasoning field (llama.cpp; DeepSeek tool
   * turns), `'think-tags'` as `<think>\n…\n</think>\n\n` before the text (Cerebras GLM models). @default false
   */
  sendReasoning: boolean | 'think-tags';
  /** The field for the token limit: `auto` uses `max_completion_tokens` for OpenAI reasoning models only. */
  maxTokensField: 'auto' | 'max_tokens' | 'max_completion_tokens';
  /** The system role: `auto` uses `developer` for OpenAI reasoning models. */
  systemRole: 'auto' | 'system' | 'developer';
  /** Ask for usage in streams (`stream_options.include_usage`); some servers reject the field. */
  streamUsage: boolean;
  /** The server takes function tools; if not, they are dropped with a warning (Perplexity). */
  tools: boolean;
  /** The server honours `tool_choice`; if not, it is dropped with a warning. */
  toolChoice: boolean;
  /** Native structured output: `json_schema`, only `json_object`, or none (schema dropped with a warning). */
  structuredOutput: 'json_schema' | 'json_object' | 'none';
  /** The server accepts `strict` on tools and schemas. */
  strict: boolean;
  /** The server accepts images inside tool results. */
  imageToolResults: boolean;
  /** A stream must end with `data: [DONE]`; when false, a finish reason (and EOF) also ends it. */
  requireDone: boolean;
}

/** OpenAI's own Chat Completions behaviour. */
export const OPENAI_CHAT_QUIRKS: ChatQuirks = {
  reasoningField: 'none',
  sendReasoning: false,
  maxTokensField: 'auto',
  systemRole: 'auto',
  streamUsage: true,
  tools: true,
  toolChoice: true,
  structuredOutput: 'json_schema',
  strict: true,
  imageToolResults: false,
  requireDone: true,
};
