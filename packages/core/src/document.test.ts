import { describe, expect, it } from 'vitest';
import { documentsMessage, messagesWithDocuments, renderDocument } from './document.js';
import { Message } from './message.js';

describe('renderDocument', () => {
  it('renders a document without metadata exactly as Rig does', () => {
    expect(renderDocument({ id: 'doc1', text: 'Rust is fast.' })).toBe('<file id: doc1>\nRust is fast.\n</file>\n');
  });

  it('renders metadata sorted by key with Debug-quoted values', () => {
    expect(
      renderDocument({
        id: 'doc2',
        text: 'Body',
        additionalProps: { title: 'Guide', author: 'Ann "A" B', year: '2024' },
      }),
    ).toBe('<file id: doc2>\n<metadata author: "Ann \\"A\\" B" title: "Guide" year: "2024" />\nBody\n</file>\n');
  });

  it('escapes control characters and backslashes in metadata like Rust Debug', () => {
    expect(renderDocument({ id: 'x', text: 't', additionalProps: { note: 'a\\b\nc\td\u0001é' } })).toBe(
      '<file id: x>\n<metadata note: "a\\\\b\\nc\\td\\u{1}é" />\nt\n</file>\n',
    );
  });

  it('treats empty metadata as none', () => {
    expect(renderDocument({ id: 'x', text: 't', additionalProps: {} })).toBe('<file id: x>\nt\n</file>\n');
  });
});

describe('documentsMessage', () => {
  it('puts all documents in one user message, in order', () => {
    expect(
      documentsMessage([
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ]),
    ).toEqual({
      role: 'user',
      content: [
        { type: 'document', source: { type: 'text', text: '<file id: a>\nA\n</file>\n' }, mediaType: 'text/plain' },
        { type: 'document', source: { type: 'text', text: '<file id: b>\nB\n</file>\n' }, mediaType: 'text/plain' },
      ],
    });
    expect(documentsMessage([])).toBeUndefined();
  });

  it('places the documents message before the history', () => {
    const history = [Message.user('earlier'), Message.assistant('reply'), Message.user('prompt')];
    const messages = messagesWithDocuments([{ id: 'a', text: 'A' }], history);
    expect(messages).toEqual([documentsMessage([{ id: 'a', text: 'A' }]), ...history]);
    expect(messagesWithDocuments([], history)).toEqual(history);
    expect(messagesWithDocuments([], history)).not.toBe(history);
  });
});
