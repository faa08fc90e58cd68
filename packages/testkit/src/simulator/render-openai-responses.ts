import { splitText } from '../split-text.js';
import type { SimAnswer } from './answer-conversation.js';
import { ALPHANUMERIC, BASE64URL, HEX } from './id-source.js';
import { ARGUMENT_CHUNK_SIZE, typedEvent, type RenderContext, type WireStream } from './render-context.js';
import { asArray, asRecord } from './wire-text.js';

type Item = { [key: string]: unknown };

interface Output {
  /** The completed items, in order. */
  items: Item[];
  usage: unknown;
  status: 'completed' | 'incomplete';
}

function echoTools(value: unknown): unknown[] {
  return asArray(value).map((entry) => {
    const tool = asRecord(entry);
    if (tool.type !== 'function') return tool;
    return {
      type: 'function',
      description: tool.description ?? null,
      name: tool.name,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? true,
    };
  });
}

function echoFormat(value: unknown): unknown {
  const format = asRecord(value);
  if (format.type === 'json_schema')
    return {
      type: 'json_schema',
      description: format.description ?? null,
      name: format.name,
      schema: format.schema,
      strict: format.strict ?? false,
    };
  return format.type === undefined ? { type: 'text' } : format;
}

function responseObject(
  id: string,
  context: RenderContext,
  status: string,
  output: Item[],
  usage: unknown,
  incomplete: boolean,
): Item {
  const body = context.body;
  const reasoning = asRecord(body.reasoning);
  const text = asRecord(body.text);
  return {
    id,
    object: 'response',
    created_at: Math.floor(context.now / 1000),
    status,
    background: false,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    model: body.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    reasoning: { effort: reasoning.effort ?? null, summary: reasoning.summary ?? null },
    safety_identifier: null,
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: echoFormat(text.format), verbosity: text.verbosity ?? 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: echoTools(body.tools),
    top_logprobs: body.top_logprobs ?? 0,
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage,
    user: null,
    metadata: body.metadata ?? {},
  };
}

/** The answer's output items (reasoning, message, function calls), completed. */
function outputOf(answer: SimAnswer, context: RenderContext): Output {
  const items: Item[] = [];
  const suffix = context.ids.text(16, HEX);
  const itemId = (prefix: string) => `${prefix}${context.ids.text(34, HEX)}${suffix}`;
  if (answer.reasoning !== undefined) {
    const item: Item = { id: itemId('rs_'), type: 'reasoning' };
    if (asArray(context.body.include).includes('reasoning.encrypted_content'))
      item.encrypted_content = `gAAAAAB${context.ids.text(160, BASE64URL)}=`;
    item.summary = [{ type: 'summary_text', text: answer.reasoning }];
    items.push(item);
  }
  if (answer.text !== undefined) {
    items.push({
      id: itemId('msg_'),
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: answer.text }],
      role: 'assistant',
    });
  }
  for (const call of answer.toolCalls) {
    items.push({
      id: itemId('fc_'),
      type: 'function_call',
      status: 'completed',
      arguments: JSON.stringify(call.arguments),
      call_id: context.ids.id('call_', 24, ALPHANUMERIC),
      name: call.name,
    });
  }
  const usage = {
    input_tokens: answer.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: answer.outputTokens,
    output_tokens_details: { reasoning_tokens: answer.reasoningTokens },
    total_tokens: answer.inputTokens + answer.outputTokens,
  };
  return { items, usage, status: answer.finish === 'length' ? 'incomplete' : 'completed' };
}

function responseId(context: RenderContext): string {
  return context.ids.id('resp_', 50, HEX);
}

/** A Responses API body (`object: 'response'`). */
export function renderOpenAIResponsesResponse(answer: SimAnswer, context: RenderContext): unknown {
  const id = responseId(context);
  const output = outputOf(answer, context);
  return responseObject(id, context, output.status, output.items, output.usage, output.status === 'incomplete');
}

/**
 * A Responses API stream: `event: <type>` + `data:` with a `sequence_number`, the whole lifecycle of each output item,
 * and `response.completed` (or `response.incomplete`) last, with no `[DONE]`.
 */
export function renderOpenAIResponsesStream(answer: SimAnswer, context: RenderContext): WireStream {
  const id = responseId(context);
  const output = outputOf(answer, context);
  const frames: string[] = [];
  let sequence = 0;
  const emit = (type: string, fields: Item) =>
    frames.push(typedEvent(type, { type, sequence_number: sequence++, ...fields }));
  const inProgress = responseObject(id, context, 'in_progress', [], null, false);
  emit('response.created', { response: inProgress });
  emit('response.in_progress', { response: inProgress });
  output.items.forEach((item, outputIndex) => {
    const base = { item_id: item.id, output_index: outputIndex };
    if (item.type === 'reasoning') {
      const { summary: _summary, ...added } = item;
      emit('response.output_item.added', { output_index: outputIndex, item: { ...added, summary: [] } });
      const text = answer.reasoning!;
      emit('response.reasoning_summary_part.added', {
        ...base,
        summary_index: 0,
        part: { type: 'summary_text', text: '' },
      });
      for (const delta of splitText(text, context.chunkSize)) {
        emit('response.reasoning_summary_text.delta', {
          ...base,
          summary_index: 0,
          delta,
          obfuscation: context.ids.obfuscation(),
        });
      }
      emit('response.reasoning_summary_text.done', { ...base, summary_index: 0, text });
      emit('response.reasoning_summary_part.done', { ...base, summary_index: 0, part: { type: 'summary_text', text } });
    } else if (item.type === 'message') {
      const text = answer.text!;
      emit('response.output_item.added', {
        output_index: outputIndex,
        item: { id: item.id, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
      });
      const part = { type: 'output_text', annotations: [], logprobs: [] };
      emit('response.content_part.added', { ...base, content_index: 0, part: { ...part, text: '' } });
      for (const delta of splitText(text, context.chunkSize)) {
        emit('response.output_text.delta', {
          ...base,
          content_index: 0,
          delta,
          logprobs: [],
          obfuscation: context.ids.obfuscation(),
        });
      }
      emit('response.output_text.done', { ...base, content_index: 0, text, logprobs: [] });
      emit('response.content_part.done', { ...base, content_index: 0, part: { ...part, text } });
    } else {
      const json = String(item.arguments);
      emit('response.output_item.added', {
        output_index: outputIndex,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const delta of splitText(json, context.chunkSize ?? ARGUMENT_CHUNK_SIZE)) {
        emit('response.function_call_arguments.delta', { ...base, delta, obfuscation: context.ids.obfuscation() });
      }
      emit('response.function_call_arguments.done', { ...base, arguments: json });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  });
  const endFrom = frames.length;
  const incomplete = output.status === 'incomplete';
  emit(incomplete ? 'response.incomplete' : 'response.completed', {
    response: responseObject(id, context, output.status, output.items, output.usage, incomplete),
  });
  return { frames, endFrom };
}
