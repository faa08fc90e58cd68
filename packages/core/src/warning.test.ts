import { describe, expect, it } from 'vitest';
import { strictToolUnsupportedWarning, toolCallCutWarning } from './warning.js';

describe('strictToolUnsupportedWarning', () => {
  it('names the tool and the provider', () => {
    expect(strictToolUnsupportedWarning('Gemini', 'get_weather')).toEqual({
      type: 'unsupported',
      feature: 'strict',
      details: 'tool "get_weather": Gemini has no strict schema mode',
    });
  });
});

describe('toolCallCutWarning', () => {
  it('keeps the call and what arrived of its arguments, with callId only when there is one', () => {
    expect(toolCallCutWarning({ id: 'fc_1', callId: 'call_1', name: 'add' }, '{"a":')).toEqual({
      type: 'tool-call-cut',
      message:
        'tool call "add" (fc_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
      toolCall: { id: 'fc_1', callId: 'call_1', name: 'add', partialArguments: '{"a":' },
    });
    expect(toolCallCutWarning({ id: 'toolu_1', name: 'add' }, '').toolCall).toEqual({
      id: 'toolu_1',
      name: 'add',
      partialArguments: '',
    });
  });
});
