// Derives the expected summary of each real recording straight from the wire JSON, written apart from (and without
// importing) the mappers under test. Provider packages commit the result as `src/__fixtures__/expectations.json`
// and check that it is still what this derivation gives.
import { chunkLines, listFixtures, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import type { ChatSummary, ResponsesSummary } from './summarize.js';

/** A stream that failed: the provider's error message. */
export interface StreamFailure {
  error: string;
}

/** The expected summaries of every recording under `dirs`, by file. */
export interface Expectations {
  dirs: string[];
  chat: { [file: string]: ChatSummary | StreamFailure };
  /** Streams may hold several consecutive responses (the steps of one run): one summary each. */
  responses: { [file: string]: ResponsesSummary | (ResponsesSummary | StreamFailure)[] };
}

const CHAT_FINISH: { [raw: string]: string } = {
  stop: 'stop',
  eos: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  content_filter: 'content-filter',
};

function chatUsage(usage: any): ChatSummary['usage'] {
  if (!usage) return { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
    ...(cached !== undefined && cached !== null ? { cachedPromptTokens: cached } : {}),
    ...(reasoning !== undefined && reasoning !== null ? { reasoningTokens: reasoning } : {}),
  };
}

/** The text parts and the thinking parts of a `content` that is a string or an array of parts (Mistral). */
function splitContent(content: any): { text: string; thinking: string } {
  if (typeof content === 'string') return { text: content, thinking: '' };
  let text = '';
  let thinking = '';
  for (const part of Array.isArray(content) ? content : []) {
    if (part.type === 'text') text += part.text ?? '';
    if (part.type === 'thinking')
      for (const inner of part.thinking ?? []) if (inner.type === 'text') thinking += inner.text ?? '';
  }
  return { text, thinking };
}

function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? {} : JSON.parse(value);
}

/** The summary of a non-streamed Chat Completions body. */
export function chatBodySummary(body: any): ChatSummary {
  const message = body.choices[0].message;
  const { text: contentText, thinking } = splitContent(message.content);
  const text = contentText === '' ? [] : [contentText];
  const toolCalls = (message.tool_calls ?? []).map((call: any, index: number) => ({
    id: call.id || `call_${index}`,
    name: call.function.name,
    arguments: parseArguments(call.function.arguments),
  }));
  const reasoning = message.reasoning_content || message.reasoning || thinking;
  const raw = body.choices[0].finish_reason ?? undefined;
  let finishReason = (raw && CHAT_FINISH[raw]) ?? 'other';
  if (finishReason === 'stop' && toolCalls.length > 0) finishReason = 'tool-calls';
  if (text.length + toolCalls.length === 0 && !reasoning) text.push('');
  return {
    id: body.id || undefined,
    model: body.model || undefined,
    text,
    toolCalls,
    reasoning: reasoning ? [reasoning] : [],
    usage: chatUsage(body.usage),
    finishReason,
    rawFinishReason: raw,
  };
}

/** The body a non-streamed call would have returned for the chunks of a stream, or the error one of them carried. */
export function chatChunksBody(chunks: any[]): any {
  let id: string | undefined;
  let model: string | undefined;
  let text = '';
  let reasoning = '';
  let finish: string | undefined;
  let usage: unknown;
  let citations: unknown;
  let searchResults: unknown;
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for (const chunk of chunks) {
    if (chunk.error) return { error: chunk.error };
    id ||= chunk.id || undefined;
    model ||= chunk.model || undefined;
    if (chunk.usage) usage = chunk.usage;
    if (chunk.citations !== undefined) citations = chunk.citations;
    if (chunk.search_results !== undefined) searchResults = chunk.search_results;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    const parts = splitContent(delta.content);
    text += parts.text;
    reasoning += (delta.reasoning_content || delta.reasoning || '') + parts.thinking;
    for (const call of delta.tool_calls ?? []) {
      const key = call.index ?? 0;
      const current = calls.get(key) ?? { id: call.id || `call_${key}`, name: '', arguments: '' };
      if (call.function?.name) current.name = call.function.name;
      if (call.function?.arguments) current.arguments += call.function.arguments;
      calls.set(key, current);
    }
    if (choice.finish_reason) finish = choice.finish_reason;
  }
  return {
    ...(id ? { id } : {}),
    ...(model ? { model } : {}),
    ...(citations !== undefined ? { citations } : {}),
    ...(searchResults !== undefined ? { search_results: searchResults } : {}),
    choices: [
      {
        message: {
          content: text || null,
          ...(reasoning ? { reasoning_content: reasoning } : {}),
          ...(calls.size > 0
            ? {
                tool_calls: [...calls.values()].map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        finish_reason: finish ?? null,
      },
    ],
    usage: usage ?? null,
  };
}

function errorMessage(error: any): string {
  return typeof error === 'string' ? error : (error.message ?? JSON.stringify(error));
}

/** The summary of a Chat Completions stream given its chunk objects, or the error it ended with. */
export function chatChunksSummary(chunks: any[]): ChatSummary | StreamFailure {
  const body = chatChunksBody(chunks);
  return body.error ? { error: errorMessage(body.error) } : chatBodySummary(body);
}

/**
 * The JSON payloads of the events of a raw SSE body, in order: an event's `data:` lines joined with a newline, as the
 * SSE spec has it (events without data, comments and `data: [DONE]` left out); CRLF, CR and LF all end a line.
 */
export function sseDataPayloads(text: string): any[] {
  const payloads: any[] = [];
  let data: string[] = [];
  for (const line of [...text.split(/\r\n|\r|\n/), '']) {
    if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    else if (line === '') {
      const payload = data.join('\n');
      if (data.length > 0 && payload.trim() !== '[DONE]') payloads.push(JSON.parse(payload));
      data = [];
    }
  }
  return payloads;
}

/** The summary of a Responses API body. */
export function responsesBodySummary(body: any): ResponsesSummary {
  const text: string[] = [];
  const toolCalls: ResponsesSummary['toolCalls'] = [];
  const reasoning: ResponsesSummary['reasoning'] = [];
  let refusal = false;
  for (const item of body.output ?? []) {
    if (item.type === 'message') {
      text.push(
        item.content
          .map((part: any) =>
            part.type === 'output_text' ? part.text : part.type === 'refusal' ? ((refusal = true), part.refusal) : '',
          )
          .join(''),
      );
    } else if (item.type === 'function_call') {
      toolCalls.push({
        id: item.id ?? item.call_id,
        callId: item.call_id,
        name: item.name,
        arguments: parseArguments(item.arguments),
      });
    } else if (item.type === 'reasoning') {
      reasoning.push({
        id: item.id,
        summaries: (item.summary ?? []).length,
        texts: (item.content ?? []).length,
        encrypted: Boolean(item.encrypted_content),
      });
    }
  }
  const usage = body.usage
    ? {
        promptTokens: body.usage.input_tokens,
        completionTokens: body.usage.output_tokens,
        totalTokens: body.usage.total_tokens,
        ...(body.usage.input_tokens_details?.cached_tokens != null
          ? { cachedPromptTokens: body.usage.input_tokens_details.cached_tokens }
          : {}),
        ...(body.usage.output_tokens_details?.reasoning_tokens != null
          ? { reasoningTokens: body.usage.output_tokens_details.reasoning_tokens }
          : {}),
      }
    : { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let finishReason: string;
  let rawFinishReason: string;
  if (body.status === 'incomplete') {
    rawFinishReason = body.incomplete_details?.reason ?? 'incomplete';
    finishReason =
      rawFinishReason === 'max_output_tokens'
        ? 'length'
        : rawFinishReason === 'content_filter'
          ? 'content-filter'
          : 'other';
  } else {
    rawFinishReason = refusal ? 'refusal' : 'completed';
    finishReason = refusal ? 'content-filter' : toolCalls.length > 0 ? 'tool-calls' : 'stop';
  }
  if (text.length + toolCalls.length + reasoning.length === 0) text.push('');
  return { id: body.id, model: body.model, text, toolCalls, reasoning, usage, finishReason, rawFinishReason };
}

/** Splits Responses API events into consecutive responses (each starts with `response.created`). */
export function responsesSegments<Event extends { type?: unknown }>(events: Event[]): Event[][] {
  const segments: Event[][] = [];
  for (const event of events) {
    if (event.type === 'response.created' || segments.length === 0) segments.push([]);
    segments.at(-1)!.push(event);
  }
  return segments;
}

function responsesEventsSummary(events: any[]): (ResponsesSummary | StreamFailure)[] {
  return responsesSegments(events).map((segment) => {
    const completed = segment.find(
      (event) => event.type === 'response.completed' || event.type === 'response.incomplete',
    );
    if (completed) return responsesBodySummary(completed.response);
    const failed = segment.find((event) => event.type === 'error' || event.type === 'response.failed');
    return { error: errorMessage(failed?.error ?? failed?.response?.error ?? 'stream without a completed response') };
  });
}

const isResponsesEvent = (event: any): boolean => typeof event?.type === 'string' && event.type.startsWith('response.');
// The legacy Completions API (`/v1/completions`) is another wire: its chunks are not Chat Completions chunks.
const isLegacyCompletion = (event: any): boolean => event?.object === 'text_completion';

/** The expectations of every real recording under `dirs` (files under `synthetic/` and legacy Completions streams are left out). */
export function deriveExpectations(dirs: readonly string[]): Expectations {
  const expectations: Expectations = { dirs: [...dirs], chat: {}, responses: {} };
  for (const dir of dirs) {
    const real = (file: string) => !file.includes('/synthetic/');
    for (const file of listFixtures(dir, '.json').filter(real)) {
      if (file.endsWith('.meta.json')) continue;
      const body = readJsonFixture(file);
      if (body.object === 'chat.completion') expectations.chat[file] = chatBodySummary(body);
      else if (body.object === 'response') expectations.responses[file] = responsesBodySummary(body);
    }
    for (const file of listFixtures(dir, '.chunks.txt').filter(real)) {
      const events = chunkLines(file).map((line) => JSON.parse(line));
      if (events.some(isLegacyCompletion)) continue;
      if (events.some(isResponsesEvent)) expectations.responses[file] = responsesEventsSummary(events);
      else expectations.chat[file] = chatChunksSummary(events);
    }
    for (const file of listFixtures(dir, '.sse').filter(real)) {
      const events = sseDataPayloads(readTextFixture(file));
      if (events.some(isLegacyCompletion)) continue;
      if (events.some(isResponsesEvent)) expectations.responses[file] = responsesEventsSummary(events);
      else expectations.chat[file] = chatChunksSummary(events);
    }
  }
  return expectations;
}
