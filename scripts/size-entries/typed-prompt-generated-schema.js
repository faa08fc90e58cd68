// A browser app that asks a model for typed output validated by a schema generated with rig-schema: it carries no
// ajv compiler, no `new Function` and no `eval` (checked by packages/typed/src/size-entry-bundle.test.ts).
import { CompletionRequestBuilder } from '@rig-ts/core';
import { promptTyped } from '@rig-ts/typed';
import { SentimentAnalysis } from '../../packages/typed/src/test-utils/schemas.gen.ts';

const model = {
  provider: 'stub',
  modelId: 'stub-1',
  completion: async () => ({
    choice: [{ type: 'text', text: '{"score":0.9,"label":"positive"}' }],
    usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
    finishReason: 'stop',
    rawResponse: {},
  }),
  stream: async () => {
    throw new Error('not streamed');
  },
  completionRequest(prompt) {
    return new CompletionRequestBuilder(this, prompt);
  },
};

promptTyped(model, SentimentAnalysis, "Analyze the sentiment of: 'I love this product!'").then((result) => {
  document.body.textContent = `${result.label} (${result.score})`;
});
