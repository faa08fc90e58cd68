import { CompletionError } from '@rig-ts/core';
import { requestError } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import { rejectApiOption } from './reject-api-option.js';

describe('rejectApiOption', () => {
  it('lets options without api through, and none at all', () => {
    expect(rejectApiOption(undefined, { api: 'chat', namespace: 'xai', modelId: 'grok-4' })).toBeUndefined();
    expect(rejectApiOption({ temperature: 0 }, { api: 'chat', namespace: 'xai', modelId: 'grok-4' })).toBeUndefined();
  });

  it.each([
    [
      'responses' as const,
      "the api option is gone: completionModel() is the Responses API; for Chat Completions call openai.chatCompletionsModel(client, 'gpt-4o', options)",
    ],
    [
      'chat' as const,
      "the api option is gone: completionModel() is Chat Completions; for the Responses API call openai.responsesModel(client, 'gpt-4o', options)",
    ],
  ])('names the function of the other API when completionModel() is %s', (api, message) => {
    const error = requestError(() =>
      rejectApiOption({ api: undefined }, { api, namespace: 'openai', modelId: 'gpt-4o' }),
    );
    expect(error).toBeInstanceOf(CompletionError);
    expect(error).toMatchObject({ kind: 'request', path: 'api', message });
  });
});
