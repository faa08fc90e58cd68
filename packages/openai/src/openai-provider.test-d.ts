import type { CompletionModel, CompletionResponse, StreamingCompletionResponse } from '@rig-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  Client,
  chatCompletionsModel,
  type OpenAIChatModel,
  type OpenAIChatRawResponse,
  type OpenAIModelOptions,
  type OpenAIResponsesModel,
  type OpenAIResponsesRawResponse,
} from './index.js';

const client = new Client({ apiKey: 'sk-test' });

describe('completionModel: the Responses API', () => {
  it('returns the Responses model, whose calls carry the Responses raw response', () => {
    const model = client.completionModel('gpt-4o', { reasoningEffort: 'low', store: false });
    expectTypeOf(model).toEqualTypeOf<OpenAIResponsesModel>();
    expectTypeOf(model).toExtend<CompletionModel<OpenAIResponsesRawResponse, OpenAIResponsesRawResponse>>();
    expectTypeOf(model.completionRequest('hi').send()).resolves.toEqualTypeOf<
      CompletionResponse<OpenAIResponsesRawResponse>
    >();
    expectTypeOf(model.completionRequest('hi').stream()).resolves.toEqualTypeOf<
      StreamingCompletionResponse<OpenAIResponsesRawResponse>
    >();
    expectTypeOf(client.completionModel).parameter(1).toEqualTypeOf<OpenAIModelOptions | undefined>();
  });

  it('takes the Responses options only', () => {
    // @ts-expect-error the api option is gone: Chat Completions is chatCompletionsModel(client, id)
    client.completionModel('gpt-4o', { api: 'chat' });
    // @ts-expect-error seed is a Chat Completions option
    client.completionModel('gpt-4o', { seed: 1 });
    // @ts-expect-error reasoningEffort is one of the API's levels
    client.completionModel('gpt-4o', { reasoningEffort: 'maximum' });
  });
});

describe('chatCompletionsModel: the Chat Completions API', () => {
  it('returns the Chat Completions model, whose calls carry its raw response', () => {
    const model = chatCompletionsModel(client, 'gpt-4o', { seed: 1, stop: ['\n'] });
    expectTypeOf(model).toEqualTypeOf<OpenAIChatModel>();
    expectTypeOf(model.completionRequest('hi').send()).resolves.toEqualTypeOf<
      CompletionResponse<OpenAIChatRawResponse>
    >();
  });

  it('takes the Chat Completions options only, and a client', () => {
    // @ts-expect-error previousResponseId is a Responses API option
    chatCompletionsModel(client, 'gpt-4o', { previousResponseId: 'resp_1' });
    // @ts-expect-error the first argument is the client
    chatCompletionsModel('gpt-4o');
  });
});
