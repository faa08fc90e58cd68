import type { CompletionModel, CompletionResponse, StreamingCompletionResponse } from '@rig-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { Client, type AnthropicCompletionModel, type AnthropicOptions, type AnthropicRawResponse } from './index.js';

const client = new Client({ apiKey: 'sk-ant-test' });

describe('completionModel', () => {
  it('returns the Anthropic model, whose calls carry the wire message as raw response', () => {
    const model = client.completionModel('claude-sonnet-4-5', {
      maxTokens: 1024,
      thinking: { type: 'enabled', budgetTokens: 2048 },
    });
    expectTypeOf(model).toEqualTypeOf<AnthropicCompletionModel>();
    expectTypeOf(model).toExtend<CompletionModel<AnthropicRawResponse, AnthropicRawResponse>>();
    expectTypeOf(model.completionRequest('hi').send()).resolves.toEqualTypeOf<
      CompletionResponse<AnthropicRawResponse>
    >();
    expectTypeOf(model.completionRequest('hi').stream()).resolves.toEqualTypeOf<
      StreamingCompletionResponse<AnthropicRawResponse>
    >();
    expectTypeOf<AnthropicRawResponse['tokenUsage']>().returns.not.toBeAny();
    expectTypeOf(client.completionModel).parameter(1).toEqualTypeOf<AnthropicOptions | undefined>();
  });

  it('takes Anthropic options of the right shape only', () => {
    // @ts-expect-error enabled thinking needs its budget
    client.completionModel('claude-sonnet-4-5', { thinking: { type: 'enabled' } });
    // @ts-expect-error effort is one of the API's levels
    client.completionModel('claude-sonnet-4-5', { effort: 'extreme' });
    // @ts-expect-error reasoningEffort is an OpenAI option
    client.completionModel('claude-sonnet-4-5', { reasoningEffort: 'low' });
  });
});
