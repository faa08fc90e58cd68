// Deterministic provider payloads shared by the server (which sends them) and the samples (which check them).

/** The size of every scenario. */
export const SIZES = {
  promptSeq: 1000,
  promptConc: 4000,
  concurrency: 128,
  deltas: 20000,
  fragments: 5000,
  memStreams: 500,
  memDeltas: 400,
};

const WORDS = [
  'the',
  'quick',
  'brown',
  'fox',
  'jumps',
  'über',
  'the',
  'lazy',
  'dog',
  '—',
  'naïve',
  'café',
  '日本',
  'ok',
  '🚀',
];

/** The text of delta `index`: a word and a space (some multi-byte). */
export function deltaText(index) {
  return `${WORDS[index % WORDS.length]} `;
}

export function expectedText(count) {
  let text = '';
  for (let index = 0; index < count; index++) text += deltaText(index);
  return text;
}

/** The answer of every non-streamed prompt. */
export const PROMPT_ANSWER = 'Quantum computing uses qubits, which can hold superpositions of 0 and 1.';

/** The arguments a streamed tool call assembles: `fragments` pieces of about 8 characters each. */
export function toolArguments(fragments) {
  const items = [];
  for (let index = 0; items.length * 24 < fragments * 8; index++)
    items.push({ id: index, name: `item-${index}`, ok: index % 2 === 0 });
  return { query: 'inventory', items };
}

export function toolArgumentFragments(fragments) {
  const text = JSON.stringify(toolArguments(fragments));
  const size = Math.ceil(text.length / fragments);
  const pieces = [];
  for (let index = 0; index < fragments; index++) pieces.push(text.slice(index * size, (index + 1) * size));
  return pieces.filter((piece) => piece !== '');
}

const CHAT_HEAD =
  '{"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","service_tier":"default","system_fingerprint":"fp_de604bd877","choices":[{"index":0,"delta":';

function chatUsage(completionTokens) {
  return `data: {"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","choices":[],"usage":{"prompt_tokens":16,"completion_tokens":${completionTokens},"total_tokens":${16 + completionTokens}}}\n\n`;
}

/** One OpenAI Chat Completions stream of `count` text deltas, as SSE events (about 250 bytes each, like the real wire). */
export function openAIChatStreamEvents(count) {
  const events = [
    `data: ${CHAT_HEAD}{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"Qup1BsQ3"}\n\n`,
  ];
  for (let index = 0; index < count; index++) {
    events.push(
      `data: ${CHAT_HEAD}{"content":${JSON.stringify(deltaText(index))}},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"yhjoJbEF"}\n\n`,
    );
  }
  events.push(
    `data: ${CHAT_HEAD}{},"logprobs":null,"finish_reason":"stop"}],"usage":null,"obfuscation":"zap0"}\n\n`,
    chatUsage(count),
    'data: [DONE]\n\n',
  );
  return events;
}

/** One OpenAI Chat Completions stream of a tool call whose arguments arrive in `fragments` pieces. */
export function openAIToolStreamEvents(fragments) {
  const events = [
    `data: ${CHAT_HEAD}{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_bench","type":"function","function":{"name":"lookup","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
  ];
  for (const piece of toolArgumentFragments(fragments)) {
    events.push(
      `data: ${CHAT_HEAD}{"tool_calls":[{"index":0,"function":{"arguments":${JSON.stringify(piece)}}}]},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
    );
  }
  events.push(
    `data: ${CHAT_HEAD}{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}\n\n`,
    chatUsage(fragments),
    'data: [DONE]\n\n',
  );
  return events;
}

/** A non-streamed Chat Completions answer's body: one assistant message, and usage with every detail the API sends. */
export function chatCompletionBody({ id, created, model, content, promptTokens, completionTokens, systemFingerprint }) {
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: systemFingerprint,
  };
}

/** A non-streamed Chat Completions answer. */
export const openAIChatBody = JSON.stringify(
  chatCompletionBody({
    id: 'chatcmpl-bench',
    created: 1770933883,
    model: 'gpt-4.1-nano-2025-04-14',
    content: PROMPT_ANSWER,
    promptTokens: 16,
    completionTokens: 18,
    systemFingerprint: 'fp_de604bd877',
  }),
);

/** One Anthropic Messages stream of `count` text deltas, with its real event framing. */
export function anthropicStreamEvents(count) {
  const event = (type, data) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  const events = [
    event('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_bench',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 16, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
      },
    }),
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', { type: 'ping' }),
  ];
  for (let index = 0; index < count; index++)
    events.push(
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: deltaText(index) },
      }),
    );
  events.push(
    event('content_block_stop', { type: 'content_block_stop', index: 0 }),
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: count },
    }),
    event('message_stop', { type: 'message_stop' }),
  );
  return events;
}
