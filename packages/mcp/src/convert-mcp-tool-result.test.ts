import type { CallToolResult } from '@modelcontextprotocol/client';
import { bytesToBase64 } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { convertMcpToolResult, toolResultText } from './convert-mcp-tool-result.js';
import { recordedResult } from './test-utils/server-everything-recording.js';

const TINY_PNG = recordedResult('get-tiny-image').content[1] as { data: string };

describe('convertMcpToolResult on results recorded from server-everything', () => {
  it('maps text', () => {
    expect(convertMcpToolResult(recordedResult('echo'))).toEqual([{ type: 'text', text: 'Echo: hi' }]);
  });

  it('maps an image to a base64 image with its media type, between the text blocks', () => {
    expect(convertMcpToolResult(recordedResult('get-tiny-image'))).toEqual([
      { type: 'text', text: "Here's the image you requested:" },
      { type: 'image', source: { type: 'base64', data: TINY_PNG.data }, mediaType: 'image/png' },
      { type: 'text', text: 'The image above is the MCP logo.' },
    ]);
  });

  it('maps an embedded text resource to text headed by its URI', () => {
    expect(convertMcpToolResult(recordedResult('get-resource-reference', 0))).toEqual([
      { type: 'text', text: 'Returning resource reference for Resource 1:' },
      {
        type: 'text',
        text: expect.stringMatching(
          /^Resource demo:\/\/resource\/dynamic\/text\/1 \(text\/plain\):\nResource 1: This is a plaintext resource created at /,
        ),
      },
      { type: 'text', text: 'You can access this resource using the URI: demo://resource/dynamic/text/1' },
    ]);
  });

  it('decodes an embedded blob resource of a text media type', () => {
    const content = convertMcpToolResult(recordedResult('get-resource-reference', 1));
    expect(content[1]).toEqual({
      type: 'text',
      text: expect.stringMatching(
        /^Resource demo:\/\/resource\/dynamic\/blob\/2 \(text\/plain\):\nResource 2: This is a base64 blob created at /,
      ),
    });
  });

  it('maps resource links to a line naming each link', () => {
    expect(convertMcpToolResult(recordedResult('get-resource-links'))).toEqual([
      { type: 'text', text: 'Here are 2 resource links to resources available in this server:' },
      {
        type: 'text',
        text: 'Resource link "Blob Resource 1" demo://resource/dynamic/blob/1 (text/plain): Resource 1: plaintext resource',
      },
      {
        type: 'text',
        text: 'Resource link "Text Resource 2" demo://resource/dynamic/text/2 (text/plain): Resource 2: plaintext resource',
      },
    ]);
  });

  it('drops annotations', () => {
    expect(convertMcpToolResult(recordedResult('get-annotated-message'))).toEqual([
      { type: 'text', text: 'Error: Operation failed' },
    ]);
  });

  it('keeps the text of a structured result and does not repeat its structuredContent', () => {
    expect(convertMcpToolResult(recordedResult('get-structured-content'))).toEqual([
      { type: 'text', text: '{"temperature":33,"conditions":"Cloudy","humidity":82}' },
    ]);
  });

  it('maps an error result like any other (the caller reads isError)', () => {
    expect(convertMcpToolResult(recordedResult('no-such-tool'))).toEqual([
      { type: 'text', text: 'MCP error -32602: Tool no-such-tool not found' },
    ]);
  });
});

describe('convertMcpToolResult on every block type', () => {
  const cases: [string, CallToolResult['content'][number], unknown][] = [
    [
      'audio',
      { type: 'audio', data: 'AAAA', mimeType: 'audio/wav' },
      { type: 'text', text: 'Audio (audio/wav, 3 bytes), not shown: tool results cannot carry audio.' },
    ],
    [
      'a link without media type or description',
      { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt' },
      { type: 'text', text: 'Resource link "a.txt" file:///a.txt' },
    ],
    [
      'an embedded image blob',
      { type: 'resource', resource: { uri: 'file:///logo.png', mimeType: 'image/png', blob: TINY_PNG.data } },
      { type: 'image', source: { type: 'base64', data: TINY_PNG.data }, mediaType: 'image/png' },
    ],
    [
      'an embedded JSON blob',
      {
        type: 'resource',
        resource: {
          uri: 'file:///a.json',
          mimeType: 'application/json',
          blob: bytesToBase64(new TextEncoder().encode('{"a":"é"}')),
        },
      },
      { type: 'text', text: 'Resource file:///a.json (application/json):\n{"a":"é"}' },
    ],
    [
      'an embedded binary blob',
      {
        type: 'resource',
        resource: { uri: 'file:///a.pdf', mimeType: 'application/pdf', blob: bytesToBase64(new Uint8Array(10)) },
      },
      { type: 'text', text: 'Resource file:///a.pdf (application/pdf): 10 bytes of binary data, not shown.' },
    ],
    [
      'a blob of a text type that is not UTF-8',
      {
        type: 'resource',
        resource: {
          uri: 'file:///a.txt',
          mimeType: 'text/plain',
          blob: bytesToBase64(new Uint8Array([0xff, 0xfe, 0xfd])),
        },
      },
      { type: 'text', text: 'Resource file:///a.txt (text/plain): 3 bytes of binary data, not shown.' },
    ],
    [
      'a blob of a text type that is not base64',
      { type: 'resource', resource: { uri: 'file:///a.txt', mimeType: 'text/plain', blob: '***' } },
      { type: 'text', text: 'Resource file:///a.txt (text/plain): 2 bytes of binary data, not shown.' },
    ],
    [
      'an embedded text resource without media type',
      { type: 'resource', resource: { uri: 'memo://1', text: 'hello' } },
      { type: 'text', text: 'Resource memo://1:\nhello' },
    ],
  ];
  it.each(cases)('maps %s', (_label, block, expected) => {
    expect(convertMcpToolResult({ content: [block] })).toEqual([expected]);
  });

  it('passes a block of an unknown type on as JSON', () => {
    const block = { type: 'hologram', frames: 3 } as unknown as CallToolResult['content'][number];
    expect(convertMcpToolResult({ content: [block] })).toEqual([
      { type: 'json', value: { type: 'hologram', frames: 3 } },
    ]);
  });

  it('sends structuredContent as JSON when there are no content blocks', () => {
    expect(convertMcpToolResult({ content: [], structuredContent: { temperature: 33 } })).toEqual([
      { type: 'json', value: { temperature: 33 } },
    ]);
    expect(convertMcpToolResult({ content: [], structuredContent: [1, 2] })).toEqual([{ type: 'json', value: [1, 2] }]);
  });

  it('gives no blocks for an empty result', () => {
    expect(convertMcpToolResult({ content: [] })).toEqual([]);
    expect(convertMcpToolResult({} as CallToolResult)).toEqual([]);
  });
});

describe('toolResultText', () => {
  it('joins text, JSON and image placeholders by lines', () => {
    expect(
      toolResultText([
        { type: 'text', text: 'failed:' },
        { type: 'json', value: { code: 7 } },
        { type: 'image', source: { type: 'base64', data: 'AA==' }, mediaType: 'image/png' },
      ]),
    ).toBe('failed:\n{"code":7}\n(image image/png)');
  });
});
