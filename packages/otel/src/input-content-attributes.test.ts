import { Message } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { inputContentAttributes } from './input-content-attributes.js';

describe('inputContentAttributes', () => {
  it('records the preamble, the documents message then the conversation, and the tools, as JSON', () => {
    const attributes = inputContentAttributes(
      {
        preamble: 'Be brief.',
        documents: [{ id: 'doc-1', text: 'Paris is in France.' }],
        messages: [Message.user('Where is Paris?')],
        tools: [{ name: 'lookup', description: 'Looks a city up' }],
      },
      10_000,
    );
    expect(attributes).toEqual({
      'gen_ai.system_instructions': '[{"type":"text","content":"Be brief."}]',
      'gen_ai.input.messages': JSON.stringify([
        {
          role: 'user',
          parts: [{ type: 'text', content: '<file id: doc-1>\nParis is in France.\n</file>\n' }],
        },
        { role: 'user', parts: [{ type: 'text', content: 'Where is Paris?' }] },
      ]),
      'gen_ai.tool.definitions': '[{"type":"function","name":"lookup","description":"Looks a city up"}]',
    });
  });

  it('leaves out the system instructions without a preamble and the tool definitions without tools', () => {
    expect(
      inputContentAttributes({ preamble: undefined, documents: [], messages: [Message.user('hi')], tools: [] }, 100),
    ).toEqual({ 'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]' });
  });

  it('caps each attribute at the length given', () => {
    const attributes = inputContentAttributes(
      { preamble: 'x'.repeat(500), documents: [], messages: [Message.user('y'.repeat(500))], tools: [] },
      120,
    );
    for (const value of Object.values(attributes)) {
      expect((value as string).length).toBeLessThanOrEqual(120);
      expect(() => JSON.parse(value as string) as unknown).not.toThrow();
      expect(value).toContain('…[truncated]');
    }
  });
});
