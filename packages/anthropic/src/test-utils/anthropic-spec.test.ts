import { describe, expect, it } from 'vitest';
import { specErrors, withoutFieldsTheSpecLacks } from './anthropic-spec.js';

const base = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
};
const withAssistant = (block: object) => ({
  ...base,
  messages: [...base.messages, { role: 'assistant', content: [block] }],
});
const withUser = (block: object) => ({ ...base, messages: [{ role: 'user', content: [block] }] });
const tool = { name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: {} } };

describe('the Nov 2024 spec, and what it lacks', () => {
  it('accepts a plain request, cache breakpoints, tools, PDFs, images and tool results', () => {
    expect(specErrors(base)).toEqual([]);
    expect(
      specErrors({
        ...base,
        system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
        tools: [{ ...tool, cache_control: { type: 'ephemeral' } }],
        tool_choice: { type: 'any', disable_parallel_tool_use: true },
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            ],
          },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} }] },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Sunny', is_error: false }],
          },
        ],
      }),
    ).toEqual([]);
    expect(specErrors({ ...base, max_tokens: 0 })).not.toEqual([]);
  });

  it.each([
    ['thinking', { ...base, thinking: { type: 'enabled', budget_tokens: 1024 } }, ['thinking']],
    ['output_config', { ...base, output_config: { effort: 'high' } }, ['output_config']],
    ['automatic caching', { ...base, cache_control: { type: 'ephemeral' } }, ['cache_control']],
    ['context_management', { ...base, context_management: { edits: [] } }, ['context_management']],
    ['service_tier', { ...base, service_tier: 'auto' }, ['service_tier']],
    [
      'cache ttl',
      { ...base, system: [{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1h' } }] },
      ['system[0].cache_control.ttl'],
    ],
    ['strict tools', { ...base, tools: [{ ...tool, strict: true }] }, ['tools[0].strict']],
    ['tool choice none', { ...base, tools: [tool], tool_choice: { type: 'none' } }, ['tool_choice.none']],
    [
      'thinking blocks',
      withAssistant({ type: 'thinking', thinking: 'hmm', signature: 'sig' }),
      ['messages[1].content[0]:thinking'],
    ],
    [
      'redacted thinking',
      withAssistant({ type: 'redacted_thinking', data: 'opaque' }),
      ['messages[1].content[0]:redacted_thinking'],
    ],
    [
      'server tool blocks',
      withAssistant({ type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }),
      ['messages[1].content[0]:server_tool_use'],
    ],
    [
      'tool_use caller',
      withAssistant({ type: 'tool_use', id: 'toolu_1', name: 'roll', input: {}, caller: { type: 'direct' } }),
      ['messages[1].content[0].caller'],
    ],
    [
      'citations',
      withAssistant({ type: 'text', text: 'cited', citations: [{ type: 'char_location' }] }),
      ['messages[1].content[0].citations'],
    ],
    [
      'text documents',
      withUser({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }),
      ['messages[0].content[0].source:text'],
    ],
    [
      'document titles',
      withUser({
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
        title: 'Report',
      }),
      ['messages[0].content[0].title'],
    ],
    [
      'image URLs',
      withUser({ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }),
      ['messages[0].content[0].source:url'],
    ],
  ])('lacks %s', (_name, body, removed) => {
    expect(specErrors(body)).not.toEqual([]);
    const stripped = withoutFieldsTheSpecLacks(body);
    expect(stripped.removed).toEqual(removed);
    expect(specErrors(stripped.body)).toEqual([]);
  });
});
