import type { CompletionRequest } from './completion-request.js';
import { invalidRequest } from './errors/completion-error.js';
import type { Message } from './message.js';
import { readRequest } from './read-request.js';

const USER_CONTENT_TYPES = new Set(['text', 'tool-result', 'image', 'audio', 'document', 'video']);
const ASSISTANT_CONTENT_TYPES = new Set(['text', 'tool-call', 'reasoning']);

function isBlank(message: Message): boolean {
  for (const block of message.content) if (block.type !== 'text' || block.text.trim() !== '') return false;
  return true;
}

function validateMessage(message: Message, path: string): void {
  if (message === null || typeof message !== 'object') throw invalidRequest(`${path} is not a message object`, path);
  const role: unknown = message.role;
  if (role !== 'user' && role !== 'assistant') {
    throw invalidRequest(`${path}.role must be "user" or "assistant" (got ${JSON.stringify(role)})`, `${path}.role`);
  }
  if (!Array.isArray(message.content) || message.content.length === 0)
    throw invalidRequest(`${path}.content is empty`, `${path}.content`);
  const allowed = message.role === 'user' ? USER_CONTENT_TYPES : ASSISTANT_CONTENT_TYPES;
  message.content.forEach((block, index) => {
    const blockPath = `${path}.content[${index}]`;
    if (block === null || typeof block !== 'object' || !allowed.has(block.type)) {
      const type = block !== null && typeof block === 'object' ? JSON.stringify(block.type) : String(block);
      throw invalidRequest(
        `${blockPath}.type ${type} is not a valid ${message.role} content type`,
        `${blockPath}.type`,
      );
    }
    if (block.type === 'tool-result' && (!Array.isArray(block.content) || block.content.length === 0)) {
      throw invalidRequest(
        `${blockPath}.content is empty (tool result for call "${block.id}")`,
        `${blockPath}.content`,
      );
    }
  });
}

/**
 * Checks a request before anything is sent.
 * @throws {CompletionError} of kind `request`, naming what is wrong and where (e.g. `chatHistory[3].content is empty`);
 * also for a request that cannot be read at all (`null`, a getter or a Proxy that throws).
 */
export function validateCompletionRequest(request: CompletionRequest): void {
  readRequest(() => validate(request));
}

function validate(request: CompletionRequest): void {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw invalidRequest(
      `a completion request must be an object (got ${request === null ? 'null' : Array.isArray(request) ? 'an array' : typeof request})`,
    );
  }
  const history = request.chatHistory;
  if (!Array.isArray(history) || history.length === 0)
    throw invalidRequest('chatHistory is empty: a request needs a prompt', 'chatHistory');
  history.forEach((message, index) => validateMessage(message, `chatHistory[${index}]`));
  const last = history.length - 1;
  const prompt = history[last]!;
  if (prompt.role === 'user' && isBlank(prompt))
    throw invalidRequest(`prompt is empty (chatHistory[${last}] has no text)`, `chatHistory[${last}].content`);

  if (!Array.isArray(request.tools))
    throw invalidRequest('tools must be an array of tool definitions (`[]` for none)', 'tools');
  if (!Array.isArray(request.documents))
    throw invalidRequest('documents must be an array of documents (`[]` for none)', 'documents');
  for (const field of ['additionalParams', 'providerOptions'] as const) {
    const value: unknown = request[field];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw invalidRequest(`${field} must be an object`, field);
  }

  const names = new Set<string>();
  request.tools.forEach((tool, index) => {
    if (typeof tool?.name !== 'string' || tool.name === '')
      throw invalidRequest(`tools[${index}].name is empty`, `tools[${index}].name`);
    if (names.has(tool.name))
      throw invalidRequest(`tools[${index}].name "${tool.name}" is declared twice`, `tools[${index}].name`);
    names.add(tool.name);
  });

  const choice = request.toolChoice;
  if (choice === 'required' && names.size === 0)
    throw invalidRequest('toolChoice is "required" but no tools are declared', 'toolChoice');
  if (
    choice !== undefined &&
    typeof choice !== 'string' &&
    (typeof choice !== 'object' || choice === null || !Array.isArray(choice.functionNames))
  ) {
    throw invalidRequest('toolChoice must be "auto", "none", "required" or { functionNames: [...] }', 'toolChoice');
  }
  if (typeof choice === 'object') {
    if (choice.functionNames.length === 0)
      throw invalidRequest('toolChoice names no function', 'toolChoice.functionNames');
    for (const name of choice.functionNames) {
      if (!names.has(name)) {
        const declared = names.size ? [...names].join(', ') : 'none';
        throw invalidRequest(
          `toolChoice names "${name}", which is not a declared tool (declared: ${declared})`,
          'toolChoice.functionNames',
        );
      }
    }
  }

  const { temperature, maxTokens } = request;
  if (temperature !== undefined && (typeof temperature !== 'number' || !Number.isFinite(temperature))) {
    throw invalidRequest(`temperature must be a finite number (got ${String(temperature)})`, 'temperature');
  }
  if (maxTokens !== undefined && (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)) {
    throw invalidRequest(`maxTokens must be an integer of at least 1 (got ${String(maxTokens)})`, 'maxTokens');
  }
}
