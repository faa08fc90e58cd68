import type { CompletionModel, CompletionResponse } from '@rig-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { Client, type GeminiCompletionModel, type GeminiOptions } from './index.js';

const client = new Client({ apiKey: 'test-gemini-key' });

describe('completionModel', () => {
  it('returns the Gemini model, a core completion model', () => {
    const model = client.completionModel('gemini-2.5-flash', { thinkingConfig: { thinkingBudget: 1024 } });
    expectTypeOf(model).toEqualTypeOf<GeminiCompletionModel>();
    expectTypeOf(model).toExtend<CompletionModel>();
    expectTypeOf(model.completionRequest('hi').send()).resolves.toExtend<CompletionResponse>();
    expectTypeOf(client.completionModel).parameter(1).toEqualTypeOf<GeminiOptions | undefined>();
  });

  it('takes Gemini options only', () => {
    // @ts-expect-error thinking is Anthropic's option; Gemini's is thinkingConfig
    client.completionModel('gemini-2.5-flash', { thinking: { type: 'enabled', budgetTokens: 1 } });
  });
});
