import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToText, bytesToBase64 } from './base64.js';

describe('bytesToBase64 / base64ToBytes / base64ToText', () => {
  it('encodes like Buffer, also past one 32 KiB chunk', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_value, index) => (index * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(Uint8Array.of(0xff, 0xfe))).toBe('//4=');
  });

  it('decodes bytes', () => {
    expect(base64ToBytes('//4=')).toEqual(Uint8Array.of(0xff, 0xfe));
    expect(base64ToBytes('')).toEqual(new Uint8Array());
  });

  it('decodes UTF-8 text', () => {
    expect(base64ToText(Buffer.from('héllo 🌍\n', 'utf8').toString('base64'))).toBe('héllo 🌍\n');
  });

  it('round-trips any bytes and any text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64'),
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) =>
        Buffer.from(base64ToBytes(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes)),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) => base64ToText(Buffer.from(text, 'utf8').toString('base64')) === text,
      ),
    );
  });
});
