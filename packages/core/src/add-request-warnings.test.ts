import { describe, expect, it } from 'vitest';
import { addRequestWarnings } from './add-request-warnings.js';
import type { CompletionResponse } from './completion-response.js';
import type { Warning } from './warning.js';

const dropped: Warning = { type: 'unsupported', feature: 'temperature', details: 'not with reasoning models' };
const answered: Warning = { type: 'other', message: 'the answer was cut' };

function response(warnings?: Warning[]): CompletionResponse<unknown> {
  const value: CompletionResponse<unknown> = {
    choice: [{ type: 'text', text: 'hi' }],
    usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
    finishReason: 'stop',
    rawResponse: {},
  };
  if (warnings !== undefined) value.warnings = warnings;
  return value;
}

describe('addRequestWarnings', () => {
  it('puts the request warnings before the ones the answer raised', () => {
    const value = response([answered]);
    addRequestWarnings(value, [dropped]);
    expect(value.warnings).toEqual([dropped, answered]);
  });

  it('sets the request warnings on a response that had none', () => {
    const value = response();
    addRequestWarnings(value, [dropped]);
    expect(value.warnings).toEqual([dropped]);
  });

  it('leaves a response as it is when the request raised none', () => {
    const bare = response();
    addRequestWarnings(bare, []);
    expect(bare).not.toHaveProperty('warnings');
    const answeredOnly = response([answered]);
    addRequestWarnings(answeredOnly, []);
    expect(answeredOnly.warnings).toEqual([answered]);
  });
});
