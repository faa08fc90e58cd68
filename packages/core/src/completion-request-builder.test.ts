import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { Message } from './message.js';
import { RecordingModel } from './test-utils/recording-model.js';
import { ToolChoice } from './tool-choice.js';
import { requestError } from './test-utils/request-error.js';

const weather = {
  name: 'weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};
const time = { name: 'time', description: 'Local time', parameters: { type: 'object', properties: {} } };

describe('CompletionRequestBuilder', () => {
  it('builds the minimal request', () => {
    const model = new RecordingModel();
    expect(model.completionRequest('Explain quantum computing').build()).toEqual({
      chatHistory: [{ role: 'user', content: [{ type: 'text', text: 'Explain quantum computing' }] }],
      documents: [],
      tools: [],
    });
  });

  it('builds a request with every setter', () => {
    const model = new RecordingModel();
    const request = model
      .completionRequest(Message.user('Complex query'))
      .preamble('Expert system')
      .model('other-model')
      .message(Message.user('earlier'))
      .messages([Message.assistant('reply')])
      .document({ id: 'd1', text: 'one' })
      .documents([{ id: 'd2', text: 'two', additionalProps: { source: 'wiki' } }])
      .tool(weather)
      .tools([time])
      .toolChoice(ToolChoice.specific('weather'))
      .temperature(0.8)
      .maxTokens(1000)
      .additionalParams({ top_p: 0.9, seed: 1 })
      .additionalParams({ seed: 2 })
      .outputSchema({ title: 'Answer', type: 'object', properties: { a: { type: 'string' } } })
      .providerOptions({ openai: { store: false } })
      .providerOptions({ openai: { user: 'u1' }, anthropic: { cacheControl: { type: 'ephemeral' } } })
      .build();
    expect(request).toEqual({
      model: 'other-model',
      preamble: 'Expert system',
      chatHistory: [
        { role: 'user', content: [{ type: 'text', text: 'earlier' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'reply' }] },
        { role: 'user', content: [{ type: 'text', text: 'Complex query' }] },
      ],
      documents: [
        { id: 'd1', text: 'one' },
        { id: 'd2', text: 'two', additionalProps: { source: 'wiki' } },
      ],
      tools: [weather, time],
      toolChoice: { type: 'specific', functionNames: ['weather'] },
      temperature: 0.8,
      maxTokens: 1000,
      additionalParams: { top_p: 0.9, seed: 2 },
      outputSchema: {
        name: 'Answer',
        schema: { title: 'Answer', type: 'object', properties: { a: { type: 'string' } } },
      },
      providerOptions: { openai: { store: false, user: 'u1' }, anthropic: { cacheControl: { type: 'ephemeral' } } },
    });
  });

  it('takes a TypedSchema-like value as output schema', () => {
    const model = new RecordingModel();
    const schema = { type: 'object', properties: { score: { type: 'number' } }, required: ['score'] };
    expect(
      model
        .completionRequest('x')
        .outputSchema({ name: 'SentimentAnalysis', jsonSchema: schema, validate: () => true } as never)
        .build().outputSchema,
    ).toEqual({
      name: 'SentimentAnalysis',
      schema,
    });
    expect(model.completionRequest('x').outputSchema({ type: 'object' }).build().outputSchema).toEqual({
      name: 'response_schema',
      schema: { type: 'object' },
    });
    expect(
      model.completionRequest('x').outputSchema({ title: 'has spaces', type: 'object' }).build().outputSchema?.name,
    ).toBe('response_schema');
  });

  it('lets later calls override and remove earlier settings', () => {
    const model = new RecordingModel();
    const request = model
      .completionRequest('p')
      .preamble('a')
      .withoutPreamble()
      .temperature(1)
      .temperature(undefined)
      .maxTokens(5)
      .maxTokens(undefined)
      .toolChoice('none')
      .toolChoice(undefined)
      .outputSchema({ type: 'object' })
      .outputSchema(undefined)
      .build();
    expect(request).toEqual({ chatHistory: [Message.user('p')], documents: [], tools: [] });
  });

  it('sends the built request with the call options', async () => {
    const model = new RecordingModel();
    const controller = new AbortController();
    const response = await model
      .completionRequest('hello')
      .temperature(0.1)
      .send({ signal: controller.signal, maxRetries: 0 });
    expect(response.choice).toEqual([{ type: 'text', text: 'ok' }]);
    expect(model.requests).toEqual([
      {
        request: { chatHistory: [Message.user('hello')], documents: [], tools: [], temperature: 0.1 },
        options: { signal: controller.signal, maxRetries: 0 },
      },
    ]);
  });

  it('streams the built request', async () => {
    const model = new RecordingModel();
    await model.completionRequest('hello').stream();
    expect(model.requests).toEqual([
      { request: { chatHistory: [Message.user('hello')], documents: [], tools: [] }, options: undefined },
    ]);
  });

  it('refuses additionalParams and providerOptions it cannot read with a request error, not a raw TypeError', () => {
    const model = new RecordingModel();
    const thrown = new Error('secret getter');
    const params = {
      get top_p(): number {
        throw thrown;
      },
    };
    const builder = model.completionRequest('p');
    expect(requestError(() => builder.additionalParams(params as never))).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      message: 'the request cannot be read: secret getter',
      cause: thrown,
    });
    expect(() => builder.additionalParams(null as never)).toThrow(
      expect.objectContaining({
        kind: 'request',
        message: 'additionalParams must be an object',
        path: 'additionalParams',
      }),
    );
    expect(() => builder.providerOptions({ openai: 7 } as never)).toThrow(
      expect.objectContaining({ kind: 'request', message: 'providerOptions.openai must be an object' }),
    );
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => builder.providerOptions(revoked.proxy as never)).toThrow(expect.objectContaining({ kind: 'request' }));
    expect(() => builder.tools(null as never)).toThrow(
      expect.objectContaining({
        kind: 'request',
        message: 'tools must be an array or another iterable',
        path: 'tools',
      }),
    );
    expect(() => builder.messages({ role: 'user' } as never)).toThrow(
      expect.objectContaining({ kind: 'request', message: 'messages must be an array or another iterable' }),
    );
    const failing = {
      *[Symbol.iterator]() {
        yield { id: 'a', text: 'x' };
        throw new Error('iteration failed');
      },
    };
    expect(() => builder.documents(failing)).toThrow(
      expect.objectContaining({ kind: 'request', message: 'the request cannot be read: iteration failed' }),
    );
    expect(builder.build()).toEqual({ chatHistory: [Message.user('p')], documents: [], tools: [] });
  });

  it('rejects send() and stream() instead of throwing synchronously when invalid', async () => {
    const model = new RecordingModel();
    const sent = model.completionRequest('').send();
    await expect(sent).rejects.toSatisfy(CompletionError.isInstance);
    await expect(model.completionRequest(' ').stream()).rejects.toMatchObject({
      kind: 'request',
      message: 'prompt is empty (chatHistory[0] has no text)',
    });
    expect(model.requests).toEqual([]);
  });
});
