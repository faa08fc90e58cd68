/** The result of {@link parseJsonText}. */
export type JsonTextResult = { success: true; value: unknown } | { success: false };

const FENCED_BLOCK = /```[ \t]*(?:json5?|jsonc|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/;
const OPEN_BRACKET = 0x7b; // {
const OPEN_SQUARE = 0x5b; // [
const CLOSE_BRACKET = 0x7d;
const CLOSE_SQUARE = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Candidate starts tried before giving up, so prose full of brackets stays cheap. */
const MAX_CANDIDATES = 32;

function tryParse(text: string): JsonTextResult {
  try {
    return { success: true, value: JSON.parse(text) };
  } catch {
    return { success: false };
  }
}

/** The index just past the bracket that closes the one at `start`, or -1 when it is never (or wrongly) closed. */
function balancedEnd(text: string, start: number): number {
  const closers: number[] = [];
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
    else if (code === OPEN_SQUARE) closers.push(CLOSE_SQUARE);
    else if (code === CLOSE_BRACKET || code === CLOSE_SQUARE) {
      if (closers.pop() !== code) return -1;
      if (closers.length === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * Reads the JSON value in a model's answer: the whole text as strict JSON first, then the first fenced code block,
 * then the first balanced `{…}` or `[…]` value in the text (prose around it is ignored).
 */
export function parseJsonText(text: string): JsonTextResult {
  const strict = tryParse(text);
  if (strict.success) return strict;
  const fenced = FENCED_BLOCK.exec(text);
  if (fenced) {
    const block = tryParse(fenced[1]!);
    if (block.success) return block;
  }
  let candidates = 0;
  for (let index = 0; index < text.length && candidates < MAX_CANDIDATES; index++) {
    const code = text.charCodeAt(index);
    if (code !== OPEN_BRACKET && code !== OPEN_SQUARE) continue;
    candidates++;
    const end = balancedEnd(text, index);
    if (end === -1) continue;
    const value = tryParse(text.slice(index, end));
    if (value.success) return value;
  }
  return { success: false };
}
