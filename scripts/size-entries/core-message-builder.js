// A browser app that imports only Message and CompletionRequestBuilder from core.
import { CompletionRequestBuilder, Message } from '@rig-ts/core';

const model = {
  provider: 'none',
  modelId: 'none',
  completion: async () => ({}),
  stream: async () => ({}),
  completionRequest: () => undefined,
};
const request = new CompletionRequestBuilder(model, Message.user('hello'))
  .preamble('Be brief')
  .temperature(0.2)
  .build();
document.body.textContent = JSON.stringify(request);
