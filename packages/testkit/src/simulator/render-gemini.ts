import { splitText } from '../split-text.js';
import type { SimAnswer } from './answer-conversation.js';
import { googleJson } from './google-json.js';
import { BASE64, BASE64URL } from './id-source.js';
import type { RenderContext, WireStream } from './render-context.js';

const FINISH = { stop: 'STOP', 'tool-calls': 'STOP', length: 'MAX_TOKENS' } as const;

type Part = { [key: string]: unknown };

function promptDetails(answer: SimAnswer) {
  return [{ modality: 'TEXT', tokenCount: answer.inputTokens }];
}

function usageMetadata(answer: SimAnswer) {
  const candidates = answer.outputTokens - answer.reasoningTokens;
  const usage: { [key: string]: unknown } = {
    promptTokenCount: answer.inputTokens,
    candidatesTokenCount: candidates,
    totalTokenCount: answer.inputTokens + answer.outputTokens,
    promptTokensDetails: promptDetails(answer),
  };
  if (answer.reasoningTokens > 0) usage.thoughtsTokenCount = answer.reasoningTokens;
  return usage;
}

interface Rendered {
  thought: Part | undefined;
  /** The answer's parts; the first carries the thought signature after reasoning. */
  parts: Part[];
  signature: string | undefined;
}

function partsOf(answer: SimAnswer, context: RenderContext): Rendered {
  const signature = answer.reasoning === undefined ? undefined : context.ids.text(120, BASE64);
  const parts: Part[] = [];
  if (answer.text !== undefined) parts.push({ text: answer.text });
  for (const call of answer.toolCalls) parts.push({ functionCall: { name: call.name, args: call.arguments } });
  if (signature !== undefined && parts[0] !== undefined) parts[0].thoughtSignature = signature;
  return {
    thought: answer.reasoning === undefined ? undefined : { text: answer.reasoning, thought: true },
    parts,
    signature,
  };
}

function responseId(context: RenderContext): string {
  return context.ids.text(23, BASE64URL);
}

/** A Gemini `GenerateContentResponse` body. */
export function renderGeminiResponse(answer: SimAnswer, context: RenderContext, model: string): unknown {
  const responseIdValue = responseId(context);
  const { thought, parts } = partsOf(answer, context);
  return {
    candidates: [
      {
        content: { parts: thought === undefined ? parts : [thought, ...parts], role: 'model' },
        finishReason: FINISH[answer.finish],
        index: 0,
      },
    ],
    usageMetadata: usageMetadata(answer),
    modelVersion: model,
    responseId: responseIdValue,
  };
}

/**
 * A Gemini stream: one `GenerateContentResponse` per frame, the last with `finishReason` and the full usage. With
 * `sse`, each is `data: <json>` ended by CRLF CRLF (Gemini's spacing); otherwise the frames form one JSON array.
 */
export function renderGeminiStream(answer: SimAnswer, context: RenderContext, model: string, sse: boolean): WireStream {
  const id = responseId(context);
  const { thought, parts } = partsOf(answer, context);
  const chunks: unknown[] = [];
  // Mid-stream usage counts the prompt and, after reasoning, the thoughts (Gemini reports usage live).
  const partial: { [key: string]: unknown } = {
    promptTokenCount: answer.inputTokens,
    totalTokenCount: answer.inputTokens + answer.reasoningTokens,
    promptTokensDetails: promptDetails(answer),
  };
  if (answer.reasoningTokens > 0) partial.thoughtsTokenCount = answer.reasoningTokens;
  const chunk = (chunkParts: Part[]) =>
    chunks.push({
      candidates: [{ content: { parts: chunkParts, role: 'model' }, index: 0 }],
      usageMetadata: partial,
      modelVersion: model,
      responseId: id,
    });
  if (thought !== undefined)
    for (const text of splitText(String(thought.text), context.chunkSize)) chunk([{ text, thought: true }]);
  const first = parts[0];
  if (first !== undefined && 'text' in first) {
    splitText(String(first.text), context.chunkSize).forEach((text, index) => {
      chunk([
        index === 0 && first.thoughtSignature !== undefined
          ? { text, thoughtSignature: first.thoughtSignature }
          : { text },
      ]);
    });
  }
  const calls = parts.filter((part) => 'functionCall' in part);
  if (calls.length > 0) chunk(calls);
  const endFrom = chunks.length;
  chunks.push({
    candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: FINISH[answer.finish], index: 0 }],
    usageMetadata: usageMetadata(answer),
    modelVersion: model,
    responseId: id,
  });
  if (sse) return { frames: chunks.map((value) => `data: ${googleJson(value)}\r\n\r\n`), endFrom };
  const frames = chunks.map((value, index) => `${index === 0 ? '[' : ',\r\n'}${JSON.stringify(value, null, 2)}`);
  frames.push(']');
  return { frames, endFrom };
}
