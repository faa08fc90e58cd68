import type { Message, UserMessage } from './message.js';
import { OneOrMany } from './one-or-many.js';
import type { DocumentContent } from './user-content.js';

/** A context document given to the model, rendered into the prompt as a `<file id: …>` block. */
export interface Document {
  id: string;
  text: string;
  /** String metadata rendered on a `<metadata … />` line, keys sorted. */
  additionalProps?: { [key: string]: string };
}

// Rust's `{:?}` for strings, which Rig uses for metadata values.
function quoteLikeRustDebug(value: string): string {
  let quoted = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"') quoted += '\\"';
    else if (char === '\\') quoted += '\\\\';
    else if (char === '\n') quoted += '\\n';
    else if (char === '\r') quoted += '\\r';
    else if (char === '\t') quoted += '\\t';
    else if (char === '\0') quoted += '\\0';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) quoted += `\\u{${code.toString(16)}}`;
    else quoted += char;
  }
  return quoted + '"';
}

/** Renders a document exactly as Rig does: `<file id: …>\n[<metadata k: "v" … />\n]text\n</file>\n`. */
export function renderDocument(document: Document): string {
  const props = document.additionalProps;
  const keys = props ? Object.keys(props).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  const body = keys.length
    ? `<metadata ${keys.map((key) => `${key}: ${quoteLikeRustDebug(props![key]!)}`).join(' ')} />\n${document.text}`
    : document.text;
  return `<file id: ${document.id}>\n${body}\n</file>\n`;
}

/** All documents in one user message (one text document block each), or `undefined` when there are none. */
export function documentsMessage(documents: readonly Document[]): UserMessage | undefined {
  const content = documents.map((document): DocumentContent => ({
    type: 'document',
    source: { type: 'text', text: renderDocument(document) },
    mediaType: 'text/plain',
  }));
  return OneOrMany.isOneOrMany(content) ? { role: 'user', content } : undefined;
}

/** The messages to send: the documents message first (when there are documents), then the history. */
export function messagesWithDocuments(documents: readonly Document[], chatHistory: readonly Message[]): Message[] {
  const documentMessage = documentsMessage(documents);
  return documentMessage ? [documentMessage, ...chatHistory] : [...chatHistory];
}
