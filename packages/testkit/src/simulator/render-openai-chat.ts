import { splitText } from '../split-text.js';
import type { SimAnswer } from './answer-conversation.js';
import { ALPHANUMERIC, HEX } from './id-source.js';
import { ARGUMENT_CHUNK_SIZE, type RenderContext, type WireStream } from './render-context.js';
import { asRecord } from './wire-text.js';

const FINISH = { stop: 'stop', 'tool-calls': 'tool_calls', length: 'length' } as const;

function usage(answer: SimAnswer) {
  return {
    prompt_tokens: answer.inputTokens,
    completion_tokens: answer.outputTokens,
    total_tokens: answer.inputTokens + answer.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: answer.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function identity(context: RenderContext) {
  return {
    id: context.ids.id('chatcmpl-', 29, ALPHANUMERIC),
    created: Math.floor(context.now / 1000),
    model: String(context.body.model),
    fingerprint: context.ids.id('fp_', 10, HEX),
  };
}

/** A Chat Completions response body (`chat.completion`). */
export function renderOpenAIChatResponse(answer: SimAnswer, context: RenderContext): unknown {
  const { id, created, model, fingerprint } = identity(context);
  const message: { [key: string]: unknown } = { role: 'assistant', content: answer.text ?? null };
  if (answer.toolCalls.length > 0) {
    message.tool_calls = answer.toolCalls.map((call) => ({
      id: context.ids.id('call_', 24, ALPHANUMERIC),
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
  }
  message.refusal = null;
  message.annotations = [];
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: FINISH[answer.finish] }],
    usage: usage(answer),
    service_tier: 'default',
    system_fingerprint: fingerprint,
  };
}

/** A Chat Completions stream: `data:` chunks, a usage-only chunk when `stream_options.include_usage`, then `[DONE]`. */
export function renderOpenAIChatStream(answer: SimAnswer, context: RenderContext): WireStream {
  const { id, created, model, fingerprint } = identity(context);
  const includeUsage = asRecord(context.body.stream_options).include_usage === true;
  const frames: string[] = [];
  const chunk = (choices: unknown[], usageValue?: unknown) => {
    const data: { [key: string]: unknown } = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      service_tier: 'default',
      system_fingerprint: fingerprint,
      choices,
    };
    if (includeUsage) data.usage = usageValue ?? null;
    data.obfuscation = context.ids.obfuscation();
    frames.push(`data: ${JSON.stringify(data)}\n\n`);
  };
  const delta = (value: unknown, finish: string | null = null) =>
    chunk([{ index: 0, delta: value, logprobs: null, finish_reason: finish }]);
  const calls = answer.toolCalls.map((call, index) => ({
    index,
    id: context.ids.id('call_', 24, ALPHANUMERIC),
    type: 'function',
    function: { name: call.name, arguments: '' },
    json: JSON.stringify(call.arguments),
  }));
  const start = ({ json: _json, ...call }: (typeof calls)[number]) => call;
  if (answer.text !== undefined || calls.length === 0) {
    delta({ role: 'assistant', content: '', refusal: null });
    for (const piece of splitText(answer.text ?? '', context.chunkSize)) delta({ content: piece });
  } else delta({ role: 'assistant', content: null, tool_calls: [start(calls[0]!)], refusal: null });
  calls.forEach((call, index) => {
    if (index > 0 || answer.text !== undefined) delta({ tool_calls: [start(call)] });
    for (const piece of splitText(call.json, context.chunkSize ?? ARGUMENT_CHUNK_SIZE))
      delta({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
  });
  const endFrom = frames.length;
  delta({}, FINISH[answer.finish]);
  if (includeUsage) chunk([], usage(answer));
  frames.push('data: [DONE]\n\n');
  return { frames, endFrom };
}
