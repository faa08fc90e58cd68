// The test oracle of the Anthropic Messages wire: the expected result of each real recording, derived straight from
// the wire JSON by the documented mapping, written apart from (and without importing) @rig-ts/anthropic's parser.
// Its output is compared, recording by recording, with what the parser gives.
import type { AssistantContent, FinishReason, Usage } from '@rig-ts/core';
import { chunkLines, listFixtures, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { sseDataPayloads } from './derive-expectations.js';

/** What a recording must give: the comparable part of a `CompletionResponse`. */
export interface AnthropicExpectation {
  id: string;
  model: string;
  finishReason: FinishReason;
  rawFinishReason?: string;
  usage: Usage;
  choice: AssistantContent[];
}

/** Options of {@link deriveAnthropicExpectations}. */
export interface AnthropicDerivationOptions {
  /** The structured-output tool a recording's request declared, whose call is the answer text. @default none */
  jsonToolOf?: (file: string) => string | undefined;
}

type Wire = { [key: string]: any };

const STOP_REASONS: { [raw: string]: FinishReason } = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
};

const isCount = (value: unknown): value is number => typeof value === 'number';

function usageOf(wire: Wire): AnthropicExpectation['usage'] {
  const read = wire.cache_read_input_tokens;
  const write = wire.cache_creation_input_tokens;
  const promptTokens = (wire.input_tokens || 0) + (read || 0) + (write || 0);
  const completionTokens = wire.output_tokens || 0;
  const usage: AnthropicExpectation['usage'] = {
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
  };
  if (isCount(read)) usage.cachedPromptTokens = read;
  if (isCount(write)) usage.cacheCreationTokens = write;
  const thinking = wire.output_tokens_details?.thinking_tokens;
  if (isCount(thinking)) usage.reasoningTokens = thinking;
  return usage;
}

function choiceOf(content: Wire[], jsonTool: string | undefined): AssistantContent[] {
  const choice: AssistantContent[] = [];
  for (const block of content) {
    if (block.type === 'text') {
      if (Array.isArray(block.citations) && block.citations.length > 0)
        choice.push({
          type: 'text',
          text: block.text,
          providerMetadata: { anthropic: { citations: block.citations } },
        });
      else if (block.text !== '') choice.push({ type: 'text', text: block.text });
    } else if (block.type === 'tool_use') {
      if (block.name === jsonTool) choice.push({ type: 'text', text: JSON.stringify(block.input) });
      else
        choice.push({
          type: 'tool-call',
          id: block.id,
          function: { name: block.name, arguments: block.input },
          ...('caller' in block ? { providerMetadata: { anthropic: { caller: block.caller } } } : {}),
        });
    } else if (block.type === 'thinking') {
      choice.push({
        type: 'reasoning',
        content: [
          { type: 'text', text: block.thinking, ...('signature' in block ? { signature: block.signature } : {}) },
        ],
      });
    } else if (block.type === 'redacted_thinking') {
      choice.push({ type: 'reasoning', content: [{ type: 'redacted', data: block.data }] });
    } else {
      choice.push({ type: 'text', text: '', providerMetadata: { anthropic: { block } } });
    }
  }
  return choice.length > 0 ? choice : [{ type: 'text', text: '' }];
}

function finishOf(stopReason: unknown, choice: AssistantContent[], jsonToolUsed: boolean): FinishReason {
  const reason: FinishReason = (typeof stopReason === 'string' && STOP_REASONS[stopReason]) || 'other';
  const hasCall = choice.some((block) => block.type === 'tool-call');
  if (reason === 'tool-calls' && jsonToolUsed && !hasCall) return 'stop';
  return reason === 'stop' && hasCall ? 'tool-calls' : reason;
}

/** The expected result of one Messages API message (a body, or a message rebuilt from a stream). */
export function anthropicMessageExpectation(message: Wire, jsonTool?: string): AnthropicExpectation {
  const choice = choiceOf(message.content, jsonTool);
  const jsonToolUsed = message.content.some((block: Wire) => block.type === 'tool_use' && block.name === jsonTool);
  const expectation: AnthropicExpectation = {
    id: message.id,
    model: message.model,
    finishReason: finishOf(message.stop_reason, choice, jsonToolUsed),
    usage: usageOf(message.usage),
    choice,
  };
  if (typeof message.stop_reason === 'string') expectation.rawFinishReason = message.stop_reason;
  return expectation;
}

function parseInput(text: string): unknown {
  if (text.trim() === '') return {};
  return JSON.parse(text) ?? {};
}

/** The message a stream's events describe: `message_start`, the blocks from their deltas, then `message_delta`. */
export function rebuildAnthropicMessage(events: Wire[]): Wire {
  let message: Wire = {};
  const blocks = new Map<
    number,
    { block: Wire; chunks: string[]; citations: unknown[]; signature: string | undefined }
  >();
  for (const event of events) {
    if (event.type === 'message_start') {
      message = { ...event.message, content: event.message.content.map((block: Wire) => ({ ...block })) };
    } else if (event.type === 'content_block_start') {
      const block = { ...event.content_block };
      const first = block.text || block.thinking || '';
      blocks.set(event.index, {
        block,
        chunks: first ? [first] : [],
        citations: [...(block.citations ?? [])],
        signature: block.signature,
      });
      message.content.push(block);
    } else if (event.type === 'content_block_delta') {
      const state = blocks.get(event.index)!;
      const delta = event.delta;
      if (['text_delta', 'input_json_delta', 'thinking_delta', 'compaction_delta'].includes(delta.type))
        state.chunks.push(delta.text ?? delta.partial_json ?? delta.thinking ?? delta.content);
      else if (delta.type === 'signature_delta') state.signature = (state.signature ?? '') + delta.signature;
      else if (delta.type === 'citations_delta') state.citations.push(delta.citation);
    } else if (event.type === 'content_block_stop') {
      const { block, chunks, citations, signature } = blocks.get(event.index)!;
      const joined = chunks.join('');
      if (block.type === 'text') {
        block.text = joined;
        if (citations.length > 0) block.citations = citations;
      } else if (block.type === 'thinking') {
        block.thinking = joined;
        if (signature !== undefined) block.signature = signature;
      } else if (block.type === 'compaction') {
        if (chunks.length > 0) block.content = joined;
      } else if (chunks.length > 0) {
        block.input = parseInput(joined);
      }
    } else if (event.type === 'message_delta') {
      const { type: _type, delta, usage, ...rest } = event;
      Object.assign(message, delta, rest);
      if (usage !== undefined) message.usage = { ...message.usage, ...usage };
    }
  }
  return message;
}

/** The messages of a stream: vercel/ai records the responses of a multi-step call one after the other in one file. */
export function anthropicStreamMessages(events: Wire[]): Wire[][] {
  const messages: Wire[][] = [];
  let current: Wire[] = [];
  for (const event of events) {
    current.push(event);
    if (event.type === 'message_stop') {
      messages.push(current);
      current = [];
    }
  }
  return messages;
}

/**
 * The expected result of every real recording under `dirs` (files under `synthetic/` are left out): each pydantic-ai
 * interaction answered with 200 (`.response.json`, `.response.sse`) by file, each other `.json` body by file, and each
 * message of a `.chunks.txt` stream as `<file>#<n>`.
 */
export function deriveAnthropicExpectations(
  dirs: readonly string[],
  options: AnthropicDerivationOptions = {},
): { [key: string]: AnthropicExpectation } {
  const jsonToolOf = options.jsonToolOf ?? (() => undefined);
  const expectations: { [key: string]: AnthropicExpectation } = {};
  const real = (file: string) => !file.includes('/synthetic/');
  for (const dir of dirs) {
    for (const metaFile of listFixtures(dir, '.meta.json').filter(real)) {
      const meta = readJsonFixture(metaFile);
      if (meta.status.code !== 200) continue;
      const file = `${metaFile.slice(0, metaFile.lastIndexOf('/') + 1)}${meta.response_file}`;
      const message = file.endsWith('.sse')
        ? rebuildAnthropicMessage(sseDataPayloads(readTextFixture(file)))
        : readJsonFixture(file);
      expectations[file] = anthropicMessageExpectation(message, jsonToolOf(file));
    }
    for (const file of listFixtures(dir, '.json').filter(real)) {
      if (file.endsWith('.meta.json') || file.endsWith('.response.json')) continue;
      expectations[file] = anthropicMessageExpectation(readJsonFixture(file), jsonToolOf(file));
    }
    for (const file of listFixtures(dir, '.chunks.txt').filter(real)) {
      const events = chunkLines(file).map((line) => JSON.parse(line));
      anthropicStreamMessages(events).forEach((segment, index) => {
        expectations[`${file}#${index}`] = anthropicMessageExpectation(
          rebuildAnthropicMessage(segment),
          jsonToolOf(file),
        );
      });
    }
  }
  return expectations;
}
