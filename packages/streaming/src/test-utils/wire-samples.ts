import type { CompletionResponse, StreamedAssistantContent } from '@rig-ts/core';

const usage = {
  promptTokens: 120,
  completionTokens: 48,
  totalTokens: 168,
  cachedPromptTokens: 100,
  reasoningTokens: 12,
};

/** The answer of a two-turn agent run: reasoning, a tool call, its result, then text. */
export const sampleResponse: CompletionResponse = {
  choice: [
    {
      type: 'reasoning',
      id: 'rs_1',
      content: [{ type: 'text', text: 'The user wants the weather.', signature: 'sig_1' }],
    },
    { type: 'text', text: 'It is 18°C in Paris 🌍.' },
  ],
  usage,
  finishReason: 'stop',
  rawFinishReason: 'end_turn',
  id: 'msg_2',
  model: 'claude-test',
  requestId: 'req_2',
  warnings: [{ type: 'unsupported', feature: 'seed' }],
  rawResponse: { type: 'message', instructions: 'the server’s system prompt' },
};

/** Every kind of stream item, in the order an agent run streams them (tool results between two model turns). */
export const sampleItems: StreamedAssistantContent[] = [
  { type: 'reasoning-delta', id: 'rs_0', text: 'The user wants ' },
  { type: 'reasoning-delta', text: 'the weather.' },
  {
    type: 'reasoning',
    reasoning: {
      type: 'reasoning',
      id: 'rs_0',
      content: [{ type: 'text', text: 'The user wants the weather.', signature: 'sig_0' }],
    },
  },
  { type: 'tool-call-delta', id: 'call_1', name: 'weather', argumentsDelta: '' },
  { type: 'tool-call-delta', id: 'call_1', argumentsDelta: '{"city":"Par' },
  { type: 'tool-call-delta', id: 'call_1', argumentsDelta: 'is"}' },
  {
    type: 'tool-call',
    toolCall: {
      type: 'tool-call',
      id: 'call_1',
      callId: 'c_1',
      function: { name: 'weather', arguments: { city: 'Paris' } },
      signature: 'ts_1',
    },
  },
  {
    type: 'tool-result',
    toolResult: {
      type: 'tool-result',
      id: 'call_1',
      callId: 'c_1',
      name: 'weather',
      content: [{ type: 'text', text: '{"celsius":18}' }],
    },
  },
  {
    type: 'tool-result',
    toolResult: {
      type: 'tool-result',
      id: 'call_2',
      name: 'clock',
      content: [{ type: 'text', text: 'no clock here' }],
      isError: true,
    },
  },
  { type: 'text', text: 'It is 18°C ' },
  { type: 'text', text: 'in Paris 🌍.\nline two\r\ndata: not a field' },
  { type: 'final', usage, finishReason: 'stop', rawFinishReason: 'end_turn', response: sampleResponse },
];

export async function* itemsOf<T>(values: readonly T[]): AsyncGenerator<T> {
  for (const value of values) yield value;
}

/** Every item `iterable` yields; rejects with what it throws. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of iterable) collected.push(item);
  return collected;
}

/** A `Response` whose body is `chunks`, as a server in the stream wire would send it. */
export function wireResponse(
  chunks: readonly (string | Uint8Array)[],
  init: ResponseInit & { open?: boolean; onCancel?: (reason: unknown) => void } = {},
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      if (!init.open) controller.close();
    },
    cancel(reason) {
      init.onCancel?.(reason);
    },
  });
  return new Response(body, {
    status: init.status ?? 200,
    headers: init.headers ?? { 'content-type': 'text/event-stream; charset=utf-8' },
  });
}

/** The SSE text of one wire event. */
export function wireEvent(item: { type: string; [field: string]: unknown }): string {
  return `event: ${item.type}\ndata: ${JSON.stringify(item)}\n\n`;
}

export const START = wireEvent({ type: 'start', version: 1 });
