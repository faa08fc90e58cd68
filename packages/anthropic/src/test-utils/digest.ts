import { createHash } from 'node:crypto';
import type { AssistantContent, CompletionResponse, FinishReason, Usage } from '@rig-ts/core';

/** What a recording must give, as derive-expected.py reads it (long strings digested). */
export interface ExpectedResponse {
  id: string;
  model: string;
  finishReason: FinishReason;
  rawFinishReason?: string;
  usage: Usage;
  choice: unknown;
}

/** Strings over 80 UTF-8 bytes become `<first 24 chars>…[sha256:<12 hex>, <n> bytes]` (no prefix if it has astral characters). */
export function digest(value: unknown): unknown {
  if (typeof value === 'string') {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes <= 80) return value;
    const head = value.slice(0, 24);
    const prefix = /[\uD800-\uDFFF]/.test(head) ? '' : head;
    return `${prefix}…[sha256:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 12)}, ${bytes} bytes]`;
  }
  if (Array.isArray(value)) return value.map(digest);
  if (typeof value === 'object' && value !== null) {
    const result: { [key: string]: unknown } = {};
    for (const [key, item] of Object.entries(value)) result[key] = digest(item);
    return result;
  }
  return value;
}

/** The parts of a response the expectations cover, digested. */
export function summarize(response: CompletionResponse): ExpectedResponse {
  const summary: ExpectedResponse = {
    id: response.id!,
    model: response.model!,
    finishReason: response.finishReason,
    usage: response.usage,
    choice: digest(response.choice as readonly AssistantContent[]),
  };
  if (response.rawFinishReason !== undefined) summary.rawFinishReason = response.rawFinishReason;
  return summary;
}
