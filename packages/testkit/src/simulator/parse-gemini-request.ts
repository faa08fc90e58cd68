import type { JsonSchema } from '@rig-ts/core';
import {
  SimRequestError,
  type SimConversation,
  type SimMessage,
  type SimTool,
  type SimToolChoice,
} from './sim-conversation.js';
import { asArray, asRecord, wireText, wireTool } from './wire-text.js';

/** Gemini's JSON accepts both lowerCamelCase and snake_case field names. */
function field(record: { [key: string]: unknown }, camel: string): unknown {
  return record[camel] ?? record[camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

/** A function response as text: its only string value, else its JSON. */
function responseText(response: unknown): string {
  const values = Object.values(asRecord(response));
  if (values.length === 1 && typeof values[0] === 'string') return values[0];
  return JSON.stringify(response ?? {});
}

function parseTools(value: unknown): SimTool[] {
  return asArray(value).flatMap((entry) =>
    asArray(field(asRecord(entry), 'functionDeclarations')).flatMap((declaration) => {
      const record = asRecord(declaration);
      return wireTool(record, field(record, 'parametersJsonSchema') ?? record.parameters);
    }),
  );
}

function parseToolChoice(value: unknown): SimToolChoice {
  const config = asRecord(field(asRecord(value), 'functionCallingConfig'));
  const names = asArray(field(config, 'allowedFunctionNames')).filter(
    (name): name is string => typeof name === 'string',
  );
  if (config.mode === 'NONE') return { type: 'none' };
  if (config.mode === 'ANY') return names.length > 0 ? { type: 'required', names } : { type: 'required' };
  return { type: 'auto' };
}

/** Reads a Gemini `generateContent` / `streamGenerateContent` request; the model and streaming come from the path. */
export function parseGeminiRequest(body: { [key: string]: unknown }, model: string, stream: boolean): SimConversation {
  const contents = asArray(body.contents);
  if (contents.length === 0)
    throw new SimRequestError('* GenerateContentRequest.contents: contents is not specified\n');
  const messages: SimMessage[] = [];
  contents.forEach((entry, index) => {
    const content = asRecord(entry);
    const parts = asArray(content.parts).map(asRecord);
    if (content.role === 'model') {
      const toolCalls = parts.flatMap((part) => {
        const call = asRecord(field(part, 'functionCall'));
        if (typeof call.name !== 'string') return [];
        return [{ id: typeof call.id === 'string' ? call.id : call.name, name: call.name, arguments: call.args ?? {} }];
      });
      messages.push({ role: 'assistant', text: wireText(parts), toolCalls });
      return;
    }
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'function') {
      throw new SimRequestError(
        `* GenerateContentRequest.contents[${index}].role: Please use a valid role: user, model.\n`,
      );
    }
    for (const part of parts) {
      const response = asRecord(field(part, 'functionResponse'));
      if (typeof response.name !== 'string') continue;
      messages.push({
        role: 'tool',
        callId: typeof response.id === 'string' ? response.id : response.name,
        name: response.name,
        text: responseText(response.response),
      });
    }
    const text = wireText(parts);
    if (text !== '' || !parts.some((part) => field(part, 'functionResponse') !== undefined))
      messages.push({ role: 'user', text });
  });
  const config = asRecord(field(body, 'generationConfig'));
  const schema = field(config, 'responseJsonSchema') ?? field(config, 'responseSchema');
  const maxOutputTokens = field(config, 'maxOutputTokens');
  return {
    api: 'gemini',
    model,
    stream,
    system: wireText(asRecord(field(body, 'systemInstruction')).parts),
    messages,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(field(body, 'toolConfig')),
    output:
      typeof schema === 'object' && schema !== null
        ? { schema: schema as JsonSchema }
        : field(config, 'responseMimeType') === 'application/json'
          ? { json: true }
          : undefined,
    maxOutputTokens: typeof maxOutputTokens === 'number' ? maxOutputTokens : undefined,
  };
}
