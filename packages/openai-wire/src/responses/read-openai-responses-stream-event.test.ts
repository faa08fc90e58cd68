import { describe, expect, it } from 'vitest';
import { readResponsesStreamEvent } from './read-openai-responses-stream-event.js';

describe('readResponsesStreamEvent', () => {
  it('reads the events the stream interprets as they are', () => {
    const types = [
      'response.output_text.delta',
      'response.refusal.delta',
      'response.function_call_arguments.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_text.delta',
      'response.function_call_arguments.done',
      'response.output_item.added',
      'response.output_item.done',
      'response.completed',
      'response.incomplete',
      'response.failed',
      'error',
    ];
    for (const type of types) {
      const frame = { type, sequence_number: 3 };
      expect(readResponsesStreamEvent(frame)).toBe(frame);
    }
  });

  it('reads every other frame as undefined, to be skipped', () => {
    const frames = [
      { type: 'response.created', response: {} },
      { type: 'response.content_part.added' },
      { type: 'response.output_text.done', text: 'Hi' },
      { type: 'response.a_later_event' },
      { type: 42 },
      {},
    ];
    expect(frames.map((frame) => readResponsesStreamEvent(frame))).toEqual(frames.map(() => undefined));
  });
});
