/**
 * Splits text into stream deltas: `size` characters (code points) each, or, without a size, word by word — each piece
 * is a run of whitespace and the word after it (`"Hello world"` → `["Hello", " world"]`), like real token streams.
 * Empty text gives no piece.
 */
export function splitText(text: string, size?: number): string[] {
  if (text === '') return [];
  if (size !== undefined && size > 0) {
    const pieces: string[] = [];
    const characters = [...text];
    for (let start = 0; start < characters.length; start += size)
      pieces.push(characters.slice(start, start + size).join(''));
    return pieces;
  }
  const pieces: string[] = text.match(/\s*\S+/g) ?? [];
  const covered = pieces.reduce((length, piece) => length + piece.length, 0);
  if (covered < text.length) {
    const rest = text.slice(covered);
    if (pieces.length === 0) pieces.push(rest);
    else pieces[pieces.length - 1] += rest;
  }
  return pieces;
}
