import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './bytes-to-base64.js';

describe('bytesToBase64', () => {
  it.each([
    [[], ''],
    [[0x66], 'Zg=='],
    [[0x66, 0x6f], 'Zm8='],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
    [[0xff, 0xfe, 0x00, 0x80], '//4AgA=='],
  ])('%j → %s', (bytes, expected) => {
    expect(bytesToBase64(new Uint8Array(bytes))).toBe(expected);
  });

  it('encodes large inputs (more than one 32 KiB slice) like Buffer does', () => {
    const bytes = new Uint8Array(100_003).map((_, index) => (index * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
