import { splitText } from '../split-text.js';
import type { SimAnswer } from './answer-conversation.js';
import { ALPHANUMERIC, BASE64 } from './id-source.js';
import { ARGUMENT_CHUNK_SIZE, typedEvent, type RenderContext, type WireStream } from './render-context.js';

const STOP_REASON = { stop: 'end_turn', 'tool-calls': 'tool_use', length: 'max_tokens' } as const;

type Block = { [key: string]: unknown };

function contentOf(answer: SimAnswer, context: RenderContext): Block[] {
  const blocks: Block[] = [];
  if (answer.reasoning !== undefined)
    blocks.push({ type: 'thinking', thinking: answer.reasoning, signature: `Eq${context.ids.text(150, BASE64)}==` });
  if (answer.text !== undefined) blocks.push({ type: 'text', text: answer.text });
  for (const call of answer.toolCalls)
    blocks.push({
      type: 'tool_use',
      id: context.ids.id('toolu_01', 22, ALPHANUMERIC),
      name: call.name,
      input: call.arguments,
    });
  return blocks;
}

function usage(answer: SimAnswer, outputTokens: number) {
  return {
    input_tokens: answer.inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
}

/** An Anthropic Messages response body (`type: 'message'`). */
export function renderAnthropicResponse(answer: SimAnswer, context: RenderContext): unknown {
  return {
    model: context.body.model,
    id: context.ids.id('msg_01', 22, ALPHANUMERIC),
    type: 'message',
    role: 'assistant',
    content: contentOf(answer, context),
    stop_reason: STOP_REASON[answer.finish],
    stop_sequence: null,
    usage: usage(answer, answer.outputTokens),
  };
}

/**
 * An Anthropic Messages stream: `message_start`, per block `content_block_start` / `_delta` / `_stop` (a `ping` after
 * the first start), then `message_delta` with the stop reason and output usage, and `message_stop`.
 */
export function renderAnthropicStream(answer: SimAnswer, context: RenderContext): WireStream {
  const id = context.ids.id('msg_01', 22, ALPHANUMERIC);
  const frames: string[] = [];
  const emit = (type: string, fields: Block) => frames.push(typedEvent(type, { type, ...fields }));
  emit('message_start', {
    message: {
      model: context.body.model,
      id,
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usage(answer, 1),
    },
  });
  contentOf(answer, context).forEach((block, index) => {
    if (block.type === 'thinking') {
      emit('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      if (index === 0) frames.push('event: ping\ndata: {"type": "ping"}\n\n');
      for (const thinking of splitText(String(block.thinking), context.chunkSize))
        emit('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } });
      emit('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '' } });
      if (index === 0) frames.push('event: ping\ndata: {"type": "ping"}\n\n');
      for (const text of splitText(String(block.text), context.chunkSize))
        emit('content_block_delta', { index, delta: { type: 'text_delta', text } });
    } else {
      emit('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      if (index === 0) frames.push('event: ping\ndata: {"type": "ping"}\n\n');
      emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const partial_json of splitText(JSON.stringify(block.input), context.chunkSize ?? ARGUMENT_CHUNK_SIZE)) {
        emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } });
      }
    }
    emit('content_block_stop', { index });
  });
  const endFrom = frames.length;
  emit('message_delta', {
    delta: { stop_reason: STOP_REASON[answer.finish], stop_sequence: null },
    usage: {
      input_tokens: answer.inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: answer.outputTokens,
    },
  });
  emit('message_stop', {});
  return { frames, endFrom };
}
