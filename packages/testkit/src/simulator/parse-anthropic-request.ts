import type { JsonSchema } from '@rig-ts/core';
import {
  SimRequestError,
  type SimConversation,
  type SimMessage,
  type SimTool,
  type SimToolChoice,
} from './sim-conversation.js';
import { asArray, asRecord, wireText, wireTool } from './wire-text.js';

function blocksOf(content: unknown): { [key: string]: unknown }[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : asArray(content).map(asRecord);
}

function parseTools(value: unknown): SimTool[] {
  return asArray(value).flatMap((entry) => {
    const tool = asRecord(entry);
    // Server tools (web search, code execution…) have a versioned `type` and no input schema.
    if ((tool.type !== undefined && tool.type !== 'custom') || tool.input_schema === undefined) return [];
    return wireTool(tool, tool.input_schema);
  });
}

function parseToolChoice(value: unknown): SimToolChoice {
  const record = asRecord(value);
  if (record.type === 'none') return { type: 'none' };
  if (record.type === 'any') return { type: 'required' };
  if (record.type === 'tool' && typeof record.name === 'string') return { type: 'tool', name: record.name };
  return { type: 'auto' };
}

/** Reads an Anthropic Messages request (`POST /v1/messages`). */
export function parseAnthropicRequest(body: { [key: string]: unknown }): SimConversation {
  if (typeof body.model !== 'string' || body.model === '') throw new SimRequestError('model: Field required');
  if (!Array.isArray(body.messages)) throw new SimRequestError('messages: Field required');
  if (typeof body.max_tokens !== 'number') throw new SimRequestError('max_tokens: Field required');
  const messages: SimMessage[] = [];
  let previousToolUses = new Map<string, string>();
  body.messages.forEach((entry, index) => {
    const message = asRecord(entry);
    const blocks = blocksOf(message.content);
    if (message.role === 'assistant') {
      if (previousToolUses.size > 0) throw unanswered(previousToolUses, index - 1);
      const toolCalls = blocks
        .filter((block) => block.type === 'tool_use')
        .map((block) => ({ id: String(block.id ?? ''), name: String(block.name ?? ''), arguments: block.input ?? {} }));
      previousToolUses = new Map(toolCalls.map((call) => [call.id, call.name]));
      messages.push({ role: 'assistant', text: wireText(blocks), toolCalls });
      return;
    }
    if (message.role !== 'user')
      throw new SimRequestError(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    const answered = new Set<string>();
    blocks.forEach((block, blockIndex) => {
      if (block.type !== 'tool_result') return;
      const id = String(block.tool_use_id ?? '');
      if (!previousToolUses.has(id)) {
        throw new SimRequestError(
          `messages.${index}.content.${blockIndex}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
      answered.add(id);
      messages.push({ role: 'tool', callId: id, name: previousToolUses.get(id), text: wireText(block.content) });
    });
    for (const id of answered) previousToolUses.delete(id);
    if (previousToolUses.size > 0) throw unanswered(previousToolUses, index - 1);
    const text = wireText(blocks.filter((block) => block.type !== 'tool_result'));
    if (text !== '' || answered.size === 0) messages.push({ role: 'user', text });
  });
  const format = asRecord(asRecord(body.output_config).format ?? body.output_format);
  return {
    api: 'anthropic',
    model: body.model,
    stream: body.stream === true,
    system: wireText(body.system),
    messages,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    output:
      format.type === 'json_schema' && typeof format.schema === 'object' && format.schema !== null
        ? { schema: format.schema as JsonSchema }
        : undefined,
    maxOutputTokens: body.max_tokens,
  };
}

function unanswered(toolUses: Map<string, string>, index: number): SimRequestError {
  return new SimRequestError(
    `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...toolUses.keys()].join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
  );
}
