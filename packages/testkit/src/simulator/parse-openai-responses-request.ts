import type { JsonSchema } from '@rig-ts/core';
import { requireModel } from './parse-openai-chat-request.js';
import {
  SimRequestError,
  type SimConversation,
  type SimMessage,
  type SimTool,
  type SimToolChoice,
} from './sim-conversation.js';
import { asArray, asRecord, parseArguments, wireText, wireTool } from './wire-text.js';

function parseTools(value: unknown): SimTool[] {
  return asArray(value).flatMap((entry) => {
    const tool = asRecord(entry);
    return tool.type === 'function' ? wireTool(tool, tool.parameters) : [];
  });
}

function parseToolChoice(value: unknown): SimToolChoice {
  if (value === 'none') return { type: 'none' };
  if (value === 'required') return { type: 'required' };
  const record = asRecord(value);
  if (record.type === 'function' && typeof record.name === 'string') return { type: 'tool', name: record.name };
  if (record.type === 'allowed_tools') {
    const names = asArray(record.tools).flatMap((tool) => {
      const name = asRecord(tool).name;
      return typeof name === 'string' ? [name] : [];
    });
    return record.mode === 'required' ? { type: 'required', names } : { type: 'auto' };
  }
  return { type: 'auto' };
}

/** Reads a Responses API request (`POST /v1/responses`). */
export function parseOpenAIResponsesRequest(body: { [key: string]: unknown }): SimConversation {
  const model = requireModel(body);
  if (body.input === undefined) throw new SimRequestError("Missing required parameter: 'input'.", 'input');
  const system: string[] = typeof body.instructions === 'string' && body.instructions !== '' ? [body.instructions] : [];
  const messages: SimMessage[] = [];
  const calls = new Map<string, string>();
  const items = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : asArray(body.input);
  items.forEach((entry, index) => {
    const item = asRecord(entry);
    if (item.type === 'function_call') {
      const callId = String(item.call_id ?? '');
      const name = String(item.name ?? '');
      calls.set(callId, name);
      const call = { id: callId, name, arguments: parseArguments(item.arguments) };
      const last = messages[messages.length - 1];
      if (last?.role === 'assistant') last.toolCalls.push(call);
      else messages.push({ role: 'assistant', text: '', toolCalls: [call] });
    } else if (item.type === 'function_call_output') {
      const callId = String(item.call_id ?? '');
      if (!calls.has(callId))
        throw new SimRequestError(`No tool call found for function call output with call_id ${callId}.`, 'input');
      messages.push({ role: 'tool', callId, name: calls.get(callId), text: wireText(item.output) });
    } else if (item.type === undefined || item.type === 'message') {
      const role = item.role;
      if (role === 'system' || role === 'developer') system.push(wireText(item.content));
      else if (role === 'user') messages.push({ role: 'user', text: wireText(item.content) });
      else if (role === 'assistant') messages.push({ role: 'assistant', text: wireText(item.content), toolCalls: [] });
      else {
        throw new SimRequestError(
          `Invalid value: '${String(role)}'. Supported values are: 'assistant', 'system', 'developer', and 'user'.`,
          `input[${index}].role`,
        );
      }
    }
    // Reasoning items, item references and hosted-tool items carry nothing the simulator answers from.
  });
  const format = asRecord(asRecord(body.text).format);
  return {
    api: 'openai-responses',
    model,
    stream: body.stream === true,
    system: system.join('\n\n'),
    messages,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    output:
      format.type === 'json_schema' && typeof format.schema === 'object' && format.schema !== null
        ? { schema: format.schema as JsonSchema }
        : format.type === 'json_object'
          ? { json: true }
          : undefined,
    maxOutputTokens: typeof body.max_output_tokens === 'number' ? body.max_output_tokens : undefined,
  };
}
