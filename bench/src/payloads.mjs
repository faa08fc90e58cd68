// Deterministic provider payloads shared by the server (which sends them) and the runner (which checks them).

const WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'über', 'the', 'lazy', 'dog', '—', 'naïve', 'café', '日本', 'ok', '🚀'];

/** The text of delta `index`: a word and a space (some multi-byte). */
export function deltaText(index) {
  return `${WORDS[index % WORDS.length]} `;
}

export function expectedText(count) {
  let text = '';
  for (let index = 0; index < count; index++) text += deltaText(index);
  return text;
}

/** One OpenAI Chat Completions stream of `count` text deltas, as SSE events (about 250 bytes each, like the real wire). */
export function openAIChatStreamEvents(count) {
  const events = [];
  const head = '{"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","service_tier":"default","system_fingerprint":"fp_de604bd877","choices":[{"index":0,"delta":';
  events.push(`data: ${head}{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"Qup1BsQ3"}\n\n`);
  for (let index = 0; index < count; index++) {
    events.push(`data: ${head}{"content":${JSON.stringify(deltaText(index))}},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"yhjoJbEF"}\n\n`);
  }
  events.push(`data: ${head}{},"logprobs":null,"finish_reason":"stop"}],"usage":null,"obfuscation":"zap0"}\n\n`);
  events.push(
    `data: {"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","choices":[],"usage":{"prompt_tokens":16,"completion_tokens":${count},"total_tokens":${16 + count}}}\n\n`,
  );
  events.push('data: [DONE]\n\n');
  return events;
}
