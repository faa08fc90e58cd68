import type { JsonSchema } from '@rig-ts/core';
import {
  SimRequestError,
  type SimConversation,
  type SimMessage,
  type SimTool,
  type SimToolChoice,
} from './sim-conversation.js';
import { asArray, asRecord, parseArguments, wireText, wireTool } from './wire-text.js';

export function requireModel(body: { [key: string]: unknown }): string {
  if (typeof body.model !== 'string' || body.model === '')
    throw new SimRequestError('you must provide a model parameter', 'model');
  return body.model;
}

/** Chat-Completions-style tool definitions (`{ type: 'function', function: { name, description, parameters } }`). */
export function parseChatTools(value: unknown): SimTool[] {
  return asArray(value).flatMap((entry) => {
    const tool = asRecord(entry);
    const fn = asRecord(tool.function);
    return tool.type === 'function' ? wireTool(fn, fn.parameters) : [];
  });
}

export function parseChatToolChoice(value: unknown): SimToolChoice {
  if (value === 'none') return { type: 'none' };
  if (value === 'required') return { type: 'required' };
  const record = asRecord(value);
  const name = asRecord(record.function).name;
  if (record.type === 'function' && typeof name === 'string') return { type: 'tool', name };
  return { type: 'auto' };
}

function unanswered(pending: Map<string, string>, index: number): SimRequestError {
  return new SimRequestError(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending.keys()].join(', ')}`,
    `messages.[${index}].role`,
  );
}

/** Reads a Chat Completions request (`POST /v1/chat/completions`); also used for Ollama's tool definitions. */
export function parseOpenAIChatRequest(body: { [key: string]: unknown }): SimConversation {
  const model = requireModel(body);
  const wireMessages = body.messages;
  if (!Array.isArray(wireMessages)) throw new SimRequestError("Missing required parameter: 'messages'.", 'messages');
  if (wireMessages.length === 0) {
    throw new SimRequestError(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
    );
  }
  const system: string[] = [];
  const messages: SimMessage[] = [];
  const pending = new Map<string, string>();
  let pendingSince = -1;
  wireMessages.forEach((entry, index) => {
    const message = asRecord(entry);
    const role = message.role;
    if (role !== 'tool' && pending.size > 0) {
      throw unanswered(pending, pendingSince);
    }
    if (role === 'system' || role === 'developer') system.push(wireText(message.content));
    else if (role === 'user') messages.push({ role: 'user', text: wireText(message.content) });
    else if (role === 'assistant') {
      const toolCalls = asArray(message.tool_calls).map((call) => {
        const record = asRecord(call);
        const fn = asRecord(record.function);
        const id = String(record.id ?? '');
        const name = String(fn.name ?? '');
        pending.set(id, name);
        return { id, name, arguments: parseArguments(fn.arguments) };
      });
      pendingSince = index;
      messages.push({ role: 'assistant', text: wireText(message.content), toolCalls });
    } else if (role === 'tool') {
      const callId = String(message.tool_call_id ?? '');
      if (!pending.has(callId)) {
        throw new SimRequestError(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${index}].role`,
        );
      }
      messages.push({ role: 'tool', callId, name: pending.get(callId), text: wireText(message.content) });
      pending.delete(callId);
    } else {
      throw new SimRequestError(
        `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${index}].role`,
      );
    }
  });
  if (pending.size > 0) {
    throw unanswered(pending, pendingSince);
  }
  const format = asRecord(body.response_format);
  const schema = asRecord(format.json_schema).schema;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  return {
    api: 'openai-chat',
    model,
    stream: body.stream === true,
    system: system.join('\n\n'),
    messages,
    tools: parseChatTools(body.tools),
    toolChoice: parseChatToolChoice(body.tool_choice),
    output:
      format.type === 'json_schema' && typeof schema === 'object' && schema !== null
        ? { schema: schema as JsonSchema }
        : format.type === 'json_object'
          ? { json: true }
          : undefined,
    maxOutputTokens: typeof maxTokens === 'number' ? maxTokens : undefined,
  };
}
