import type { CompletionResponse } from '@rig-ts/core';

/** The comparable summary of a Chat Completions result, as held in `expectations.json`. */
export interface ChatSummary {
  id?: string | undefined;
  model?: string | undefined;
  text: string[];
  toolCalls: { id: string; name: string; arguments: unknown }[];
  reasoning: string[];
  usage: {
    promptTokens: number;
    completionTokens: number;
    totalTokens: number;
    cachedPromptTokens?: number;
    reasoningTokens?: number;
  };
  finishReason: string;
  rawFinishReason?: string | null | undefined;
}

/** The comparable summary of a Responses API result, as held in `expectations.json`. */
export interface ResponsesSummary {
  id?: string | undefined;
  model?: string | undefined;
  text: string[];
  toolCalls: { id: string; callId?: string | undefined; name: string; arguments: unknown }[];
  reasoning: { id?: string | undefined; summaries: number; texts: number; encrypted: boolean }[];
  usage: ChatSummary['usage'];
  finishReason: string;
  rawFinishReason?: string | undefined;
}

function isRefusal(metadata: { [key: string]: unknown } | undefined): boolean {
  return (metadata?.openai as { refusal?: true } | undefined)?.refusal === true;
}

/** Summarizes a Chat Completions result: text (refusals left out), tool calls, reasoning text, usage, finish reason. */
export function summarizeChat(response: CompletionResponse): ChatSummary {
  return {
    id: response.id,
    model: response.model,
    text: response.choice.flatMap((block) =>
      block.type === 'text' && !isRefusal(block.providerMetadata) ? [block.text] : [],
    ),
    toolCalls: response.choice.flatMap((block) =>
      block.type === 'tool-call'
        ? [{ id: block.id, name: block.function.name, arguments: block.function.arguments }]
        : [],
    ),
    reasoning: response.choice.flatMap((block) =>
      block.type === 'reasoning' ? block.content.map((part) => ('text' in part ? part.text : '')) : [],
    ),
    usage: response.usage,
    finishReason: response.finishReason,
    rawFinishReason: response.rawFinishReason,
  };
}

/** Summarizes a Responses API result: text, tool calls with call ids, reasoning items by kind, usage, finish reason. */
export function summarizeResponses(response: CompletionResponse): ResponsesSummary {
  return {
    id: response.id,
    model: response.model,
    text: response.choice.flatMap((block) => (block.type === 'text' ? [block.text] : [])),
    toolCalls: response.choice.flatMap((block) =>
      block.type === 'tool-call'
        ? [{ id: block.id, callId: block.callId, name: block.function.name, arguments: block.function.arguments }]
        : [],
    ),
    reasoning: response.choice.flatMap((block) =>
      block.type === 'reasoning'
        ? [
            {
              id: block.id,
              summaries: block.content.filter((part) => part.type === 'summary').length,
              texts: block.content.filter((part) => part.type === 'text').length,
              encrypted: block.content.some((part) => part.type === 'encrypted'),
            },
          ]
        : [],
    ),
    usage: response.usage,
    finishReason: response.finishReason,
    rawFinishReason: response.rawFinishReason,
  };
}
