import {
  bytesToBase64,
  documentsMessage,
  type AssistantContent,
  type Document,
  type MediaSource,
  type Message,
  type ToolResult,
  type UserContent,
} from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import type { GeminiContent, GeminiFunctionResponse, GeminiPart } from './gemini-api-types.js';

/** The conversation part of a Gemini request. */
export interface GeminiPrompt {
  systemInstruction?: GeminiContent;
  contents: GeminiContent[];
}

// Where a text part's `thoughtSignature` is kept on the text block (see gemini-part-reader.ts).
function textSignature(block: { providerMetadata?: { [key: string]: unknown } }): string | undefined {
  const gemini = block.providerMetadata?.gemini as { thoughtSignature?: unknown } | undefined;
  return typeof gemini?.thoughtSignature === 'string' ? gemini.thoughtSignature : undefined;
}

function mediaPart(source: MediaSource, mediaType: string | undefined, path: string): GeminiPart {
  switch (source.type) {
    case 'text':
      return { text: source.text };
    case 'url':
    case 'file-id': {
      const fileUri = source.type === 'url' ? source.url : source.fileId;
      return { fileData: mediaType === undefined ? { fileUri } : { mimeType: mediaType, fileUri } };
    }
    default:
      if (mediaType === undefined)
        throw invalidRequest(
          `${path} has no mediaType: Gemini needs the MIME type of inline data`,
          `${path}.mediaType`,
        );
      return {
        inlineData: { mimeType: mediaType, data: source.type === 'base64' ? source.data : bytesToBase64(source.data) },
      };
  }
}

function functionResponse(result: ToolResult, name: string | undefined, path: string): GeminiPart {
  if (name === undefined) {
    throw invalidRequest(
      `${path} answers tool call "${result.id}", whose name is unknown: Gemini needs it (set the result's name, or keep the call in the history)`,
      `${path}.name`,
    );
  }
  const values: unknown[] = [];
  const parts: NonNullable<GeminiFunctionResponse['parts']> = [];
  result.content.forEach((block, index) => {
    if (block.type === 'text') values.push(block.text);
    else if (block.type === 'json') values.push(block.value);
    else {
      const part = mediaPart(block.source, block.mediaType, `${path}.content[${index}]`);
      if (part.inlineData) parts.push({ inlineData: part.inlineData });
      else if (part.fileData) parts.push({ fileData: part.fileData });
    }
  });
  const response =
    values.length === 0 ? {} : { [result.isError ? 'error' : 'result']: values.length === 1 ? values[0] : values };
  const converted: GeminiFunctionResponse = { name, response };
  // Only an id Gemini issued goes back; ids rig-ts minted never leave the process.
  if (result.callId !== undefined) converted.id = result.callId;
  if (parts.length > 0) converted.parts = parts;
  return { functionResponse: converted };
}

function userPart(block: UserContent, path: string, callNames: Map<string, string>): GeminiPart {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'tool-result':
      return functionResponse(block, block.name ?? callNames.get(block.id), path);
    default:
      return mediaPart(block.source, block.mediaType, path);
  }
}

function assistantParts(block: AssistantContent, path: string, parts: GeminiPart[]): void {
  if (block.type === 'text') {
    const signature = textSignature(block);
    if (signature !== undefined) parts.push({ text: block.text, thoughtSignature: signature });
    else if (block.text !== '') parts.push({ text: block.text });
  } else if (block.type === 'tool-call') {
    const args = block.function.arguments;
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw invalidRequest(`${path}.function.arguments must be a JSON object for Gemini`, `${path}.function.arguments`);
    }
    const part: GeminiPart = { functionCall: { name: block.function.name, args: args as { [key: string]: unknown } } };
    if (block.callId !== undefined) part.functionCall!.id = block.callId;
    if (block.signature !== undefined) part.thoughtSignature = block.signature;
    parts.push(part);
  } else {
    // Encrypted or redacted reasoning from other providers cannot be read by Gemini and is left out.
    for (const content of block.content) {
      if (content.type === 'text') {
        parts.push(
          content.signature === undefined
            ? { text: content.text, thought: true }
            : { text: content.text, thought: true, thoughtSignature: content.signature },
        );
      } else if (content.type === 'summary') parts.push({ text: content.text, thought: true });
    }
  }
}

/**
 * The preamble, documents and history → Gemini `systemInstruction` and `contents`. Consecutive messages of one role
 * share one content (parallel tool results must answer in one turn). Tool results carry the tool's name, taken from
 * the result or from the call with the same id earlier in the history.
 * @throws {CompletionError} of kind `request` for content Gemini cannot take.
 */
export function convertToGeminiMessages(
  preamble: string | undefined,
  documents: readonly Document[],
  chatHistory: readonly Message[],
): GeminiPrompt {
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  const append = (role: 'user' | 'model', parts: GeminiPart[]): void => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  const documentMessage = documentsMessage(documents);
  if (documentMessage)
    append(
      'user',
      documentMessage.content.map((block, index) => userPart(block, `documents[${index}]`, callNames)),
    );
  chatHistory.forEach((message, messageIndex) => {
    const parts: GeminiPart[] = [];
    message.content.forEach((block, index) => {
      const path = `chatHistory[${messageIndex}].content[${index}]`;
      if (message.role === 'user') parts.push(userPart(block as UserContent, path, callNames));
      else {
        if (block.type === 'tool-call') callNames.set(block.id, block.function.name);
        assistantParts(block as AssistantContent, path, parts);
      }
    });
    append(message.role === 'user' ? 'user' : 'model', parts);
  });
  const prompt: GeminiPrompt = { contents };
  if (preamble !== undefined) prompt.systemInstruction = { role: 'user', parts: [{ text: preamble }] };
  return prompt;
}
