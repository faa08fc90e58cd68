import type { StreamAdapter } from '@rig-ts/streaming/internal';
import type { MockRawResponse, MockStreamPart } from './mock-turn.js';

function reasoningKey(id: string | undefined): string {
  return id === undefined ? 'reasoning' : `reasoning:${id}`;
}

/** Feeds the mock's stream pieces to the shared accumulator; `finish` is the end event. */
export function mockStreamAdapter(raw: MockRawResponse, model: string): StreamAdapter<MockRawResponse> {
  return {
    onFrame(data, _event, accumulator) {
      const part = data as Exclude<MockStreamPart, { type: 'error' | 'malformed' }>;
      switch (part.type) {
        case 'text':
          accumulator.text(part.text);
          break;
        case 'reasoning':
          accumulator.reasoningDelta(reasoningKey(part.id), part.text, part.id === undefined ? {} : { id: part.id });
          break;
        case 'reasoning-end': {
          const key = reasoningKey(part.id);
          if (part.signature !== undefined) accumulator.reasoningSignature(key, part.signature);
          accumulator.reasoningEnd(key, part.block);
          break;
        }
        case 'tool-call-start': {
          const { type: _type, ...start } = part;
          accumulator.toolCallStart(part.id, start);
          break;
        }
        case 'tool-call-delta':
          accumulator.toolCallDelta(part.id, part.argumentsDelta);
          break;
        case 'tool-call-end':
          accumulator.toolCallEnd(part.id);
          break;
        case 'finish': {
          const usage = part.usage ?? {};
          const promptTokens = usage.promptTokens ?? 0;
          const completionTokens = usage.completionTokens ?? 0;
          accumulator.usage = {
            ...usage,
            promptTokens,
            completionTokens,
            totalTokens: usage.totalTokens ?? promptTokens + completionTokens,
          };
          accumulator.finishReason = part.finishReason ?? 'stop';
          if (part.rawFinishReason !== undefined) accumulator.rawFinishReason = part.rawFinishReason;
          if (part.id !== undefined) accumulator.id = part.id;
          accumulator.model = model;
          accumulator.rawResponse = raw;
          accumulator.end();
          break;
        }
        default:
          break;
      }
    },
  };
}
