import { describe, expect, it } from 'vitest';
import { mapMcpToolName, MAX_TOOL_NAME_LENGTH } from './map-mcp-tool-name.js';

describe('mapMcpToolName', () => {
  it.each([
    ['echo', undefined, 'echo'],
    ['get-sum', undefined, 'get-sum'],
    ['DATA_EXPORT_v2', undefined, 'DATA_EXPORT_v2'],
    ['echo', 'everything_', 'everything_echo'],
    ['admin.tools.list', undefined, 'admin_tools_list'],
    ['read file', 'fs.', 'fs_read_file'],
    ['naïve/名前', undefined, 'na_ve___'],
  ])('maps %j with prefix %j to %j', (name, prefix, expected) => {
    expect(mapMcpToolName(name, prefix)).toBe(expected);
  });

  it('keeps a name of exactly 64 characters', () => {
    const name = 'a'.repeat(MAX_TOOL_NAME_LENGTH);
    expect(mapMcpToolName(name)).toBe(name);
  });

  it('shortens longer names to 64 characters with a hash that keeps them apart', () => {
    const first = mapMcpToolName(`${'a'.repeat(60)}_first`);
    const second = mapMcpToolName(`${'a'.repeat(60)}_second`);
    expect(first).toHaveLength(64);
    expect(second).toHaveLength(64);
    expect(first.slice(0, 56)).toBe(`${'a'.repeat(55)}_`);
    expect(first).toMatch(/^a{55}_[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
    expect(mapMcpToolName(`${'a'.repeat(60)}_first`)).toBe(first);
  });

  it('hashes the name before cleaning, so two long names differing only in a replaced character stay apart', () => {
    expect(mapMcpToolName(`${'b'.repeat(70)}.x`)).not.toBe(mapMcpToolName(`${'b'.repeat(70)}_x`));
  });

  it('counts the prefix in the length', () => {
    expect(mapMcpToolName('t'.repeat(60), 'server_')).toMatch(/^server_t{48}_[0-9a-f]{8}$/);
  });
});
