import { reasoningText, textOf, type CompletionRequest, type Usage } from '@rig-ts/core';
import { estimateTokens } from '../estimate-tokens.js';
import { splitText } from '../split-text.js';
import type { MockStreamPart, MockTurn } from './mock-turn.js';

const ARGUMENT_CHUNK = 16;

function requestCharacters(request: CompletionRequest): number {
  let characters = request.preamble?.length ?? 0;
  for (const document of request.documents) characters += document.text.length;
  for (const message of request.chatHistory) characters += textOf(message.content).length;
  return characters;
}

/** The turn's usage: given counts win, the others are estimated (a token per 4 characters). */
export function mockUsage(
  turn: MockTurn,
  request: CompletionRequest,
  answerCharacters: number,
  reasoningCharacters: number,
): Usage {
  const given = turn.usage ?? {};
  const reasoningTokens =
    given.reasoningTokens ?? (reasoningCharacters > 0 ? estimateTokens(reasoningCharacters) : undefined);
  const promptTokens = given.promptTokens ?? estimateTokens(requestCharacters(request));
  const completionTokens = given.completionTokens ?? estimateTokens(answerCharacters) + (reasoningTokens ?? 0);
  const usage: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: given.totalTokens ?? promptTokens + completionTokens,
  };
  if (given.cachedPromptTokens !== undefined) usage.cachedPromptTokens = given.cachedPromptTokens;
  if (given.cacheCreationTokens !== undefined) usage.cacheCreationTokens = given.cacheCreationTokens;
  if (reasoningTokens !== undefined) usage.reasoningTokens = reasoningTokens;
  return usage;
}

/** The stream pieces of a turn: its explicit `stream`, or reasoning, text and tool calls cut into deltas, then the end. */
export function mockTurnParts(turn: MockTurn, request: CompletionRequest, callNumber: number): MockStreamPart[] {
  if (turn.stream !== undefined) return [...turn.stream];
  const parts: MockStreamPart[] = [];
  let reasoningCharacters = 0;
  if (turn.reasoning !== undefined) {
    const block = typeof turn.reasoning === 'string' ? undefined : turn.reasoning;
    const text = block === undefined ? (turn.reasoning as string) : reasoningText(block);
    reasoningCharacters = text.length;
    for (const piece of splitText(text, turn.chunkSize)) parts.push({ type: 'reasoning', text: piece });
    parts.push(block === undefined ? { type: 'reasoning-end' } : { type: 'reasoning-end', block });
  }
  let answerCharacters = 0;
  if (turn.text !== undefined) {
    answerCharacters += turn.text.length;
    for (const piece of splitText(turn.text, turn.chunkSize)) parts.push({ type: 'text', text: piece });
  }
  const toolCalls = turn.toolCalls ?? [];
  toolCalls.forEach((call, index) => {
    const id = call.id ?? `call_${callNumber}_${index}`;
    const json = JSON.stringify(call.arguments ?? {});
    answerCharacters += call.name.length + json.length;
    const start: MockStreamPart = { type: 'tool-call-start', id, name: call.name };
    if (call.callId !== undefined) start.callId = call.callId;
    if (call.signature !== undefined) start.signature = call.signature;
    parts.push(start);
    for (const piece of splitText(json, turn.chunkSize ?? ARGUMENT_CHUNK))
      parts.push({ type: 'tool-call-delta', id, argumentsDelta: piece });
    parts.push({ type: 'tool-call-end', id });
  });
  if (turn.streamError !== undefined) parts.push({ type: 'error', error: turn.streamError });
  else if (!turn.truncate) {
    const finish: MockStreamPart = {
      type: 'finish',
      finishReason: turn.finishReason ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop'),
      usage: mockUsage(turn, request, answerCharacters, reasoningCharacters),
    };
    if (turn.rawFinishReason !== undefined) finish.rawFinishReason = turn.rawFinishReason;
    if (turn.id !== undefined) finish.id = turn.id;
    parts.push(finish);
  }
  return parts;
}
