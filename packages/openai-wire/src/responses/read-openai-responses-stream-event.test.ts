import { describe, expect, it } from 'vitest';
import { readResponsesStreamEvent } from './read-openai-responses-stream-event.js';

describe('readResponsesStreamEvent', () => {
  it('reads the events the stream interprets as they are', () => {
    const response = { id: 'resp_1', model: 'gpt-4o', status: 'completed', output: [] };
    const item = { type: 'message', id: 'msg_1', role: 'assistant', content: [] };
    const frames = [
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' },
      { type: 'response.refusal.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'No.' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '{"a":' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_1', output_index: 1, arguments: '{"a":1}' },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 0, delta: 'Thinking' },
      { type: 'response.reasoning_text.delta', item_id: 'rs_1', content_index: 0, delta: 'Step one' },
      { type: 'response.output_item.added', output_index: 0, item },
      { type: 'response.output_item.done', output_index: 0, item },
      { type: 'response.completed', sequence_number: 9, response },
      { type: 'response.incomplete', sequence_number: 9, response: { ...response, status: 'incomplete' } },
      { type: 'response.failed', response: { ...response, status: 'failed', error: { message: 'x' } } },
      { type: 'error', code: 'server_error', message: 'The server had an error', param: null },
    ];
    for (const frame of frames) expect(readResponsesStreamEvent(frame)).toBe(frame);
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
