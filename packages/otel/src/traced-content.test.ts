import { Message, UserContent, type ToolDefinition } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';

let harness: OtelHarness;
beforeEach(() => {
  harness = new OtelHarness();
});
afterEach(() => vi.unstubAllEnvs());

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

function conversation(): Message[] {
  return [
    Message.user('Weather in Paris?'),
    {
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'call_1', function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
    },
    {
      role: 'user',
      content: [
        { type: 'tool-result', id: 'call_1', name: 'get_weather', content: [{ type: 'text', text: 'rainy, 57°F' }] },
        { type: 'text', text: 'And a picture?' },
        UserContent.imageUrl('https://example.com/paris.png', { mediaType: 'image/png' }),
        UserContent.imageBase64('aGVsbG8=', 'image/jpeg'),
      ],
    },
  ];
}

describe('content capture', () => {
  it('is off by default: no prompt, answer, instructions or tool definitions on the span', async () => {
    const model = traced(new MockCompletionModel(['It is raining.']), { tracerProvider: harness.tracerProvider });
    await model.completionRequest('Weather in Paris?').preamble('Be brief.').tool(weather).send();
    const attributes = harness.spans()[0]!.attributes;
    expect(Object.keys(attributes).filter((key) => /messages|instructions|definitions/.test(key))).toEqual([]);
    expect(JSON.stringify(attributes)).not.toContain('Paris');
  });

  it('when on, records input, system instructions, tool definitions and output as the conventions’ JSON', async () => {
    const model = traced(
      new MockCompletionModel([{ reasoning: 'Rain means umbrella.', text: 'Take an umbrella.', id: 'resp_1' }]),
      {
        tracerProvider: harness.tracerProvider,
        captureContent: true,
      },
    );
    const [prompt, ...history] = conversation().reverse();
    await model
      .completionRequest(prompt!)
      .messages(history.reverse())
      .preamble('Be brief.')
      .document({ id: 'doc1', text: 'Paris is in France.' })
      .tool(weather)
      .send();
    const attributes = harness.spans()[0]!.attributes;
    expect(JSON.parse(attributes['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'Be brief.' },
    ]);
    expect(JSON.parse(attributes['gen_ai.tool.definitions'] as string)).toEqual([
      { type: 'function', name: 'get_weather', description: 'The weather in a city' },
    ]);
    expect(JSON.parse(attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: '<file id: doc1>\nParis is in France.\n</file>\n' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }],
      },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: 'rainy, 57°F' }] },
      {
        role: 'user',
        parts: [
          { type: 'text', content: 'And a picture?' },
          { type: 'uri', modality: 'image', uri: 'https://example.com/paris.png', mime_type: 'image/png' },
          { type: 'blob', modality: 'image', mime_type: 'image/jpeg' },
        ],
      },
    ]);
    expect(JSON.parse(attributes['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'reasoning', content: 'Rain means umbrella.' },
          { type: 'text', content: 'Take an umbrella.' },
        ],
        finish_reason: 'stop',
      },
    ]);
    // Inline bytes are never recorded.
    expect(JSON.stringify(attributes)).not.toContain('aGVsbG8=');
  });

  it('records the tool calls of an answer, with finish_reason tool_call', async () => {
    const model = traced(
      new MockCompletionModel([{ toolCalls: [{ id: 'call_9', name: 'get_weather', arguments: { city: 'Oslo' } }] }]),
      {
        tracerProvider: harness.tracerProvider,
        captureContent: true,
      },
    );
    await model.completionRequest('Weather in Oslo?').tool(weather).send();
    const attributes = harness.spans()[0]!.attributes;
    expect(attributes['gen_ai.response.finish_reasons']).toEqual(['tool_call']);
    expect(JSON.parse(attributes['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_9', name: 'get_weather', arguments: { city: 'Oslo' } }],
        finish_reason: 'tool_call',
      },
    ]);
  });

  it('caps every content attribute at maxContentLength, still valid JSON', async () => {
    const long = 'word '.repeat(20_000);
    const model = traced(new MockCompletionModel([long]), {
      tracerProvider: harness.tracerProvider,
      captureContent: true,
      maxContentLength: 2000,
    });
    await model.completionRequest(long).preamble(long).send();
    const attributes = harness.spans()[0]!.attributes;
    for (const key of ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions']) {
      const value = attributes[key] as string;
      expect(value.length, key).toBeLessThanOrEqual(2000);
      expect(value.length, key).toBeGreaterThan(1000);
      expect(JSON.stringify(JSON.parse(value)), key).toContain('…[truncated]');
    }
  });

  it('follows OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT when the option is not given; the option wins', async () => {
    vi.stubEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', 'TRUE');
    await traced(new MockCompletionModel(['a']), { tracerProvider: harness.tracerProvider }).prompt('from env');
    await traced(new MockCompletionModel(['b']), {
      tracerProvider: harness.tracerProvider,
      captureContent: false,
    }).prompt('explicit off');
    expect(harness.spans().map((span) => span.attributes['gen_ai.input.messages'])).toEqual([
      '[{"role":"user","parts":[{"type":"text","content":"from env"}]}]',
      undefined,
    ]);
  });

  it('refuses a maxContentLength or abandonAfterMs that is not a positive number, an abandonAfterMs over 2^31 − 1 and a maxContentLength below 16', () => {
    const model = new MockCompletionModel([]);
    expect(() => traced(model, { maxContentLength: 0 })).toThrow(
      new RangeError('maxContentLength must be a positive number, got 0'),
    );
    expect(() => traced(model, { abandonAfterMs: Number.NaN })).toThrow(
      new RangeError('abandonAfterMs must be a positive number, got NaN'),
    );
    // A longer watch would fire at once (a timer takes 2^31 − 1 ms at most) and end live streams' spans.
    expect(() => traced(model, { abandonAfterMs: 2 ** 31 })).toThrow(
      new RangeError('abandonAfterMs must be at most 2147483647, got 2147483648'),
    );
    expect(() => traced(model, { maxContentLength: 15.9 })).toThrow(
      new RangeError('maxContentLength must be at least 16, got 15.9'),
    );
  });

  it('records the sampling settings a request carries in its provider options or additional parameters, and ignores malformed ones', async () => {
    const model = traced(new MockCompletionModel(['a', 'b', 'c']), { tracerProvider: harness.tracerProvider });
    await model
      .completionRequest('x')
      .providerOptions({ mock: { topP: 0.9, topK: 40, seed: 7, stopSequences: ['END'] } })
      .send();
    await model
      .completionRequest('y')
      .additionalParams({
        top_p: 0.5,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
        stop: 'STOP',
        response_format: { type: 'json_object' },
      })
      .send();
    await model
      .completionRequest('z')
      .providerOptions({
        mock: { topP: '0.9', topK: Number.NaN, seed: Number.POSITIVE_INFINITY, stopSequences: [1, 2] },
      })
      .send();
    const [first, second, malformed] = harness.spans().map((span) => span.attributes);
    expect(Object.keys(malformed!).filter((key) => key.startsWith('gen_ai.request.'))).toEqual([
      'gen_ai.request.model',
    ]);
    expect(first).toMatchObject({
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.top_k': 40,
      'gen_ai.request.seed': 7,
      'gen_ai.request.stop_sequences': ['END'],
    });
    expect(second).toMatchObject({
      'gen_ai.request.top_p': 0.5,
      'gen_ai.request.frequency_penalty': 0.1,
      'gen_ai.request.presence_penalty': 0.2,
      'gen_ai.request.stop_sequences': ['STOP'],
      'gen_ai.output.type': 'json',
    });
  });
});
