import { CompletionError, type StreamedAssistantContent, type Warning } from '@rig-ts/core';
import { chunkLines, chunksToWire } from '@rig-ts/fixtures';
import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { describe, expect, it } from 'vitest';
import { anthropicStreamAdapter, type AnthropicStreamContext } from './anthropic-stream.js';
import type { AnthropicRawResponse } from './parse-anthropic-response.js';

/** The adapter for `context`, and the request's `warnings` handed to the stream as the model does. */
function stream(
  wire: string,
  { warnings, ...context }: AnthropicStreamContext & { warnings?: readonly Warning[] } = {},
) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(wire));
      controller.close();
    },
  });
  return createStreamingResponse<AnthropicRawResponse>(
    { body, requestId: 'req_stream', abort: () => undefined, mapError: (error) => error, settle: () => undefined },
    'sse',
    anthropicStreamAdapter(context),
    warnings,
  );
}

/** `event: <type>` + `data:` frames, as Anthropic sends them. */
function wire(...events: unknown[]): string {
  return chunksToWire(
    events.map((event) => JSON.stringify(event)),
    'typed-events',
  );
}

async function drain(
  response: ReturnType<typeof stream>,
): Promise<{ items: StreamedAssistantContent<AnthropicRawResponse>[]; error: unknown }> {
  const items: StreamedAssistantContent<AnthropicRawResponse>[] = [];
  try {
    for await (const item of response) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

const start = (id = 'msg_1', usage: object = { input_tokens: 10, output_tokens: 1 }) => ({
  type: 'message_start',
  message: {
    id,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage,
  },
});
const textBlock = (index: number, text: string) => [
  { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
  { type: 'content_block_stop', index },
];
/** A tool_use block at `index`: its start, one input_json_delta per piece of `json`, its stop. */
const toolUseBlock = (index: number, id: string, name: string, json: string[]) => [
  { type: 'content_block_start', index, content_block: { type: 'tool_use', id, name, input: {} } },
  ...json.map((partial_json) => ({
    type: 'content_block_delta',
    index,
    delta: { type: 'input_json_delta', partial_json },
  })),
  { type: 'content_block_stop', index },
];
const end = (stopReason: string, usage: object = { output_tokens: 5 }) => [
  { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage },
  { type: 'message_stop' },
];

describe('anthropicStreamAdapter', () => {
  it('emits thinking, its signature and text in order, ignores pings, and ends on message_stop', async () => {
    const response = stream(
      wire(
        start(),
        { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
        { type: 'ping' },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me ' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'think.' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQBCkYIBxgC' } },
        { type: 'content_block_stop', index: 0 },
        ...textBlock(1, 'Hello'),
        ...end('end_turn', {
          input_tokens: 10,
          output_tokens: 7,
          cache_read_input_tokens: 4,
          cache_creation_input_tokens: 0,
        }),
      ),
      { warnings: [{ type: 'other', message: 'note' }] },
    );
    const { items, error } = await drain(response);
    expect(error).toBeUndefined();
    const reasoning = {
      type: 'reasoning',
      content: [{ type: 'text', text: 'Let me think.', signature: 'EqQBCkYIBxgC' }],
    } as const;
    const usage = {
      promptTokens: 14,
      completionTokens: 7,
      totalTokens: 21,
      cachedPromptTokens: 4,
      cacheCreationTokens: 0,
    };
    const raw = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'Let me think.', signature: 'EqQBCkYIBxgC' },
        { type: 'text', text: 'Hello' },
      ],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 7, cache_read_input_tokens: 4, cache_creation_input_tokens: 0 },
    };
    expect(items).toEqual([
      { type: 'reasoning-delta', text: 'Let me ' },
      { type: 'reasoning-delta', text: 'think.' },
      { type: 'reasoning', reasoning },
      { type: 'text', text: 'Hello' },
      {
        type: 'final',
        usage,
        finishReason: 'stop',
        rawFinishReason: 'end_turn',
        response: {
          choice: [reasoning, { type: 'text', text: 'Hello' }],
          usage,
          finishReason: 'stop',
          rawFinishReason: 'end_turn',
          id: 'msg_1',
          model: 'claude-sonnet-4-5',
          requestId: 'req_stream',
          warnings: [{ type: 'other', message: 'note' }],
          rawResponse: raw,
        },
      },
    ]);
    const final = items[4] as { response: { rawResponse: AnthropicRawResponse } };
    expect(final.response.rawResponse.tokenUsage()).toEqual(usage);
  });

  it('streams tool-call arguments and completes the call at content_block_stop', async () => {
    const { items } = await drain(
      stream(
        wire(start(), ...toolUseBlock(0, 'toolu_1', 'get_weather', ['', '{"city": "Pa', 'ris"}']), ...end('tool_use')),
      ),
    );
    const call = { type: 'tool-call', id: 'toolu_1', function: { name: 'get_weather', arguments: { city: 'Paris' } } };
    expect(items.slice(0, -1)).toEqual([
      { type: 'tool-call-delta', id: 'toolu_1', name: 'get_weather', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'toolu_1', argumentsDelta: '{"city": "Pa' },
      { type: 'tool-call-delta', id: 'toolu_1', argumentsDelta: 'ris"}' },
      { type: 'tool-call', toolCall: call },
    ]);
    expect(items.at(-1)).toMatchObject({ type: 'final', finishReason: 'tool-calls', response: { choice: [call] } });
  });

  it('leaves out a tool call cut by max_tokens, reports it as a warning, and reports length', async () => {
    const { items, error } = await drain(
      stream(
        wire(
          start(),
          ...textBlock(0, 'Calling'),
          ...toolUseBlock(1, 'toolu_1', 'write', ['{"text": "once upon']),
          ...end('max_tokens'),
        ),
      ),
    );
    expect(error).toBeUndefined();
    expect(items.at(-1)).toMatchObject({
      type: 'final',
      finishReason: 'length',
      rawFinishReason: 'max_tokens',
      response: {
        choice: [{ type: 'text', text: 'Calling' }],
        warnings: [
          {
            type: 'tool-call-cut',
            message:
              'tool call "write" (toolu_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
            toolCall: { id: 'toolu_1', name: 'write', partialArguments: '{"text": "once upon' },
          },
        ],
      },
    });
    expect(items.some((item) => item.type === 'tool-call')).toBe(false);
  });

  it('keeps a tool call whose arguments are not JSON when the turn was not cut, with the text as written', async () => {
    const { error, items } = await drain(
      stream(wire(start(), ...toolUseBlock(0, 'toolu_1', 'write', ['{"text": ']), ...end('tool_use'))),
    );
    expect(error).toBeUndefined();
    expect(items.at(-1)).toMatchObject({
      type: 'final',
      finishReason: 'tool-calls',
      response: {
        choice: [
          {
            type: 'tool-call',
            id: 'toolu_1',
            function: { name: 'write', arguments: {} },
            unparseableArguments: '{"text": ',
          },
        ],
      },
    });
  });

  it('turns the json tool of structured output into text, even when its JSON was cut', async () => {
    const { items } = await drain(
      stream(
        wire(
          start(),
          ...toolUseBlock(0, 'toolu_1', 'json', ['{"score": 0.9, "label": "pos', 'itive"}']),
          ...end('tool_use'),
        ),
        { jsonToolName: 'json' },
      ),
    );
    expect(items.slice(0, -1)).toEqual([{ type: 'text', text: '{"score":0.9,"label":"positive"}' }]);
    expect(items.at(-1)).toMatchObject({ finishReason: 'stop', rawFinishReason: 'tool_use' });
    const cut = await drain(
      stream(wire(start(), ...toolUseBlock(0, 'toolu_1', 'json', ['{"score": 0.9, "la']), ...end('max_tokens')), {
        jsonToolName: 'json',
      }),
    );
    expect(cut.items.at(-1)).toMatchObject({
      finishReason: 'length',
      response: { choice: [{ type: 'text', text: '{"score": 0.9, "la' }] },
    });
  });

  it('collects citations of a text block into its providerMetadata', async () => {
    const citation = {
      type: 'char_location',
      cited_text: 'green',
      document_index: 0,
      start_char_index: 14,
      end_char_index: 19,
    };
    const { items } = await drain(
      stream(
        wire(
          start(),
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: [] } },
          { type: 'content_block_delta', index: 0, delta: { type: 'citations_delta', citation } },
          { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'It is green.' } },
          { type: 'content_block_stop', index: 0 },
          ...end('end_turn'),
        ),
      ),
    );
    expect(items.at(-1)).toMatchObject({
      response: {
        choice: [{ type: 'text', text: 'It is green.', providerMetadata: { anthropic: { citations: [citation] } } }],
        rawResponse: { content: [{ type: 'text', text: 'It is green.', citations: [citation] }] },
      },
    });
  });

  it.each([
    ['overloaded_error', 'Overloaded', true],
    ['api_error', 'Internal server error', true],
    ['invalid_request_error', 'prompt is too long', false],
  ] as const)(
    'an %s event ("%s") fails the stream with a provider error, retryable: %s',
    async (type, message, isRetryable) => {
      const { items, error } = await drain(
        stream(wire(start(), ...textBlock(0, 'Partial'), { type: 'error', error: { type, message } })),
      );
      expect(items).toEqual([{ type: 'text', text: 'Partial' }]);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        name: 'CompletionError.Provider',
        kind: 'provider',
        isRetryable,
        requestId: 'req_stream',
        providerError: { type, message },
      });
      expect((error as Error).message).toBe(`Anthropic reported ${type}: ${message}`);
    },
  );

  it('skips event and delta types it does not know (Anthropic may add some), and the answer is intact', async () => {
    const final = await stream(
      wire(
        start(),
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'sparkle_delta', sparkle: 3 } },
        { type: 'message_heartbeat', at: 1 },
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
        { type: 'content_block_stop', index: 0 },
        ...end('end_turn'),
      ),
    ).final;
    expect(final.choice).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(final.rawResponse.content).toEqual([{ type: 'text', text: 'Hello' }]);
  });

  it.each([
    ['a text delta that is not a string', { type: 'text_delta', text: 42 }, 'delta.text'],
    ['a citation that is not an object', { type: 'citations_delta', citation: 'x' }, 'delta.citation'],
    ['a delta that is not an object', 'text', 'delta'],
  ])('%s is a malformed response naming the field', async (_name, delta, field) => {
    const { error } = await drain(
      stream(
        wire(
          start(),
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
          { type: 'content_block_delta', index: 0, delta },
        ),
      ),
    );
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed' });
    expect((error as Error).message).toContain(field);
  });

  it('a stream cut before message_stop is a truncation error', async () => {
    const { error } = await drain(stream(wire(start(), ...textBlock(0, 'Hel'))));
    expect(error).toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it.each([
    [
      'a delta for a block that never started',
      [start(), { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'x' } }],
      'Anthropic stream: content_block_delta for block 3, which is not open',
    ],
    [
      'a delta after its block stopped',
      [
        start(),
        ...textBlock(0, 'a'),
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'b' } },
      ],
      'Anthropic stream: content_block_delta for block 0, which is not open',
    ],
    [
      'a stop for a block that never started',
      [start(), { type: 'content_block_stop', index: 0 }],
      'Anthropic stream: content_block_stop for block 0, which never started',
    ],
    [
      'a block that skips the next index (a hole of 4294967294 blocks in the raw message)',
      [start(), { type: 'content_block_start', index: 4294967294, content_block: { type: 'text', text: '' } }],
      'Anthropic stream: content_block_start for block 4294967294, but block 0 comes next',
    ],
    [
      'a second block that skips one',
      [
        start(),
        ...textBlock(0, 'a'),
        { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
      ],
      'Anthropic stream: content_block_start for block 2, but block 1 comes next',
    ],
    [
      'a block before message_start',
      [{ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      'Anthropic stream: content_block_start before message_start',
    ],
    [
      'message_delta before message_start',
      [end('end_turn')[0]],
      'Anthropic stream: message_delta before message_start',
    ],
    [
      'message_stop before message_start',
      [{ type: 'message_stop' }],
      'Anthropic stream: message_stop before message_start',
    ],
    // The message describes the frame; the frame itself is the error's body (where it is redacted and cut).
    ['a frame that is not an object', [42], 'Anthropic stream: a frame is not a JSON object (got 42)'],
    [
      'a 5 MB string frame',
      ['x'.repeat(5_000_000)],
      'Anthropic stream: a frame is not a JSON object (got a string of 5000000 characters)',
    ],
  ])('%s is a malformed response', async (_name, events, message) => {
    const { error } = await drain(stream(wire(...events)));
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed', message });
  });

  describe('synthetic edge cases (vercel-ai/synthetic, hand-written)', () => {
    const synthetic = (name: string) =>
      chunksToWire(chunkLines(`anthropic/vercel-ai/synthetic/${name}`), 'typed-events');

    it('ignores a repeated identical message_start', async () => {
      const final = await stream(synthetic('duplicate-message-start.chunks.txt')).final;
      expect(final).toMatchObject({
        choice: [{ type: 'text', text: 'Hello, World!' }],
        usage: { promptTokens: 17, completionTokens: 227, totalTokens: 244 },
        finishReason: 'stop',
        id: 'msg_dup',
      });
    });

    it('refuses a second message spliced into the first', async () => {
      const { items, error } = await drain(stream(synthetic('spliced-message-start.chunks.txt')));
      expect(error).toMatchObject({
        kind: 'response',
        reason: 'malformed',
        message: 'Anthropic stream: a second message_start (msg_second) arrived after message msg_first',
      });
      expect(items.map((item) => item.type)).toEqual([
        'reasoning-delta',
        'reasoning',
        'tool-call-delta',
        'tool-call-delta',
      ]);
    });

    it('a refusal without content is content-filter', async () => {
      const final = await stream(synthetic('anthropic-refusal.chunks.txt')).final;
      expect(final).toMatchObject({
        choice: [{ type: 'text', text: '' }],
        finishReason: 'content-filter',
        rawFinishReason: 'refusal',
      });
      expect(final.rawResponse.stop_details).toEqual({
        type: 'refusal',
        category: 'cyber',
        explanation:
          "This request triggered restrictions on violative cyber content and was blocked under Anthropic's Usage Policy.",
        recommended_model: 'claude-fable-5',
      });
    });

    it('keeps unknown blocks (fallback, advisor results) whole', async () => {
      const fallback = await stream(synthetic('anthropic-fallback.chunks.txt')).final;
      expect(fallback.choice).toEqual([
        {
          type: 'text',
          text: '',
          providerMetadata: {
            anthropic: {
              block: { type: 'fallback', from: { model: 'claude-fable-5' }, to: { model: 'claude-opus-4-8' } },
            },
          },
        },
        { type: 'text', text: 'The printing press was invented by Johannes Gutenberg around 1440.' },
      ]);
      const advisor = await stream(synthetic('anthropic-advisor-stop-reasons.chunks.txt')).final;
      expect(
        advisor.choice.map((block) => (block.providerMetadata?.anthropic as { block: { type: string } }).block.type),
      ).toEqual(['server_tool_use', 'advisor_tool_result', 'server_tool_use', 'advisor_tool_result']);
      expect(advisor.finishReason).toBe('stop');
    });
  });
});
