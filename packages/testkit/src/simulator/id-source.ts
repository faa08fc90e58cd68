export const HEX = '0123456789abcdef';
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64 = `${ALPHANUMERIC}+/`;
export const BASE64URL = `${ALPHANUMERIC}-_`;

/**
 * Deterministic ids and opaque strings: the same seed gives the same sequence, so the n-th request to a simulator
 * always gets the same ids.
 */
export class IdSource {
  #state: number;

  constructor(seed: string) {
    // FNV-1a of the seed starts a mulberry32 sequence.
    let hash = 0x811c9dc5;
    for (let index = 0; index < seed.length; index++) {
      hash ^= seed.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    this.#state = hash >>> 0;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let value = this.#state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  /** `length` characters drawn from `alphabet`. */
  text(length: number, alphabet: string): string {
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }

  /** `prefix` then `length` characters from `alphabet`. */
  id(prefix: string, length: number, alphabet: string): string {
    return prefix + this.text(length, alphabet);
  }

  /** The padding string OpenAI adds to stream events (`obfuscation`): 1 to 15 alphanumerics. */
  obfuscation(): string {
    return this.text(1 + Math.floor(this.next() * 15), ALPHANUMERIC);
  }
}
