import type { CompletionResponse } from '@rig-ts/core';

/** The comparable summary of a response that `__fixtures__/expectations.json` holds for each recording. */
export function summarizeResponses(response: CompletionResponse) {
  return {
    id: response.id,
    model: response.model,
    text: response.choice.flatMap((block) => (block.type === 'text' ? [block.text] : [])),
    toolCalls: response.choice.flatMap((block) =>
      block.type === 'tool-call' ? [{ id: block.id, callId: block.callId, name: block.function.name, arguments: block.function.arguments }] : [],
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

export function summarizeChat(response: CompletionResponse) {
  return {
    id: response.id,
    model: response.model,
    text: response.choice.flatMap((block) => (block.type === 'text' && !(block.providerMetadata?.openai as { refusal?: true } | undefined)?.refusal ? [block.text] : [])),
    toolCalls: response.choice.flatMap((block) => (block.type === 'tool-call' ? [{ id: block.id, name: block.function.name, arguments: block.function.arguments }] : [])),
    reasoning: response.choice.flatMap((block) => (block.type === 'reasoning' ? block.content.map((part) => ('text' in part ? part.text : '')) : [])),
    usage: response.usage,
    finishReason: response.finishReason,
    rawFinishReason: response.rawFinishReason,
  };
}
