import type { JsonSchema } from '@rig-ts/core';
import { parseChatToolChoice, parseChatTools } from './parse-openai-chat-request.js';
import { SimRequestError, type SimConversation, type SimMessage } from './sim-conversation.js';
import { asArray, asRecord, parseArguments, wireText } from './wire-text.js';

/** Reads an Ollama native chat request (`POST /api/chat`); `stream` defaults to true, as in Ollama. */
export function parseOllamaRequest(body: { [key: string]: unknown }): SimConversation {
  if (typeof body.model !== 'string' || body.model === '') throw new SimRequestError('model is required');
  const system: string[] = [];
  const messages: SimMessage[] = [];
  let lastCalls: { id: string; name: string }[] = [];
  for (const entry of asArray(body.messages)) {
    const message = asRecord(entry);
    const text = wireText(message.content);
    if (message.role === 'system') system.push(text);
    else if (message.role === 'user') messages.push({ role: 'user', text });
    else if (message.role === 'assistant') {
      const toolCalls = asArray(message.tool_calls).map((call, index) => {
        const record = asRecord(call);
        const fn = asRecord(record.function);
        const name = String(fn.name ?? '');
        return {
          id: typeof record.id === 'string' ? record.id : `${name}#${index}`,
          name,
          arguments: parseArguments(fn.arguments),
        };
      });
      lastCalls = toolCalls;
      messages.push({ role: 'assistant', text, toolCalls });
    } else if (message.role === 'tool') {
      const name = typeof message.tool_name === 'string' ? message.tool_name : lastCalls[0]?.name;
      const callId =
        typeof message.tool_call_id === 'string'
          ? message.tool_call_id
          : (lastCalls.find((call) => call.name === name)?.id ?? '');
      messages.push({ role: 'tool', callId, name, text });
    } else throw new SimRequestError(`invalid role: ${String(message.role)}`);
  }
  const options = asRecord(body.options);
  return {
    api: 'ollama',
    model: body.model,
    stream: body.stream !== false,
    system: system.join('\n\n'),
    messages,
    tools: parseChatTools(body.tools),
    toolChoice: parseChatToolChoice(undefined),
    output:
      typeof body.format === 'object' && body.format !== null
        ? { schema: body.format as JsonSchema }
        : body.format === 'json'
          ? { json: true }
          : undefined,
    maxOutputTokens:
      typeof options.num_predict === 'number' && options.num_predict >= 0 ? options.num_predict : undefined,
  };
}
