// The streaming calls of the two minimal clients (raw fetch, ky alone), over the one thing they differ in: how a
// request is posted. Each response body is read as SSE the least way there is: split on blank lines, JSON.parse.

/** Calls `onData` with each `data:` payload of an SSE body, parsed (`[DONE]` left out). */
async function readSseData(body, onData) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const event = buffer.slice(start, boundary);
      start = boundary + 2;
      boundary = buffer.indexOf('\n\n', start);
      const data = event.slice(event.indexOf('data: ') + 6);
      if (data !== '[DONE]') onData(JSON.parse(data));
    }
    buffer = buffer.slice(start);
  }
}

/**
 * `streamText`, `streamTool` and `streamAnthropic` (the bench's client interface) for a client whose
 * `post(url, json)` resolves to the streamed `Response`.
 */
export function minimalStreams(post) {
  const sse = async (url, json, onData) => readSseData((await post(url, json)).body, onData);
  /** Collects the pieces `pick` finds in each payload; the first one calls `onFirst`. */
  const collect = async (url, json, onFirst, pick) => {
    const parts = [];
    await sse(url, json, (payload) => {
      const piece = pick(payload);
      if (piece) {
        if (parts.length === 0) onFirst();
        parts.push(piece);
      }
    });
    return parts.join('');
  };
  return {
    streamText: ({ baseURL }, count, onFirst) =>
      collect(
        `${baseURL}/v1/chat/completions`,
        { model: `bench-text-${count}`, messages: [{ role: 'user', content: 'hi' }], stream: true },
        onFirst,
        (chunk) => chunk.choices[0]?.delta?.content,
      ),
    streamTool: async ({ baseURL }, fragments, onFirst) =>
      JSON.parse(
        await collect(
          `${baseURL}/v1/chat/completions`,
          { model: `bench-tool-${fragments}`, messages: [{ role: 'user', content: 'hi' }], stream: true },
          onFirst,
          (chunk) => chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments,
        ),
      ),
    streamAnthropic: ({ baseURL }, count, onFirst) =>
      collect(
        `${baseURL}/v1/messages`,
        {
          model: `bench-anthropic-${count}`,
          max_tokens: 1024,
          messages: [{ role: 'user', content: 'hi' }],
          stream: true,
        },
        onFirst,
        (event) =>
          event.type === 'content_block_delta' && event.delta.type === 'text_delta' ? event.delta.text : undefined,
      ),
  };
}
