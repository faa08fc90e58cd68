/**
 * An incremental newline-delimited JSON decoder: one JSON value per line (LF or CRLF), blank lines skipped.
 * Feed it decoded text in any split; it calls `onLine` with each complete, non-blank line's text.
 * A last line without a newline is delivered by `end()`.
 */
export class NdjsonDecoder {
  #onLine: (line: string) => void;
  #rest = '';

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  /** Decodes the next piece of the stream. */
  push(chunk: string): void {
    const text = this.#rest === '' ? chunk : this.#rest + chunk;
    let position = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      this.#emit(text, position, newline);
      position = newline + 1;
      newline = text.indexOf('\n', position);
    }
    this.#rest = position === 0 ? text : text.slice(position);
  }

  /** Ends the input, delivering a last unterminated line. */
  end(): void {
    const rest = this.#rest;
    this.#rest = '';
    if (rest !== '') this.#emit(rest, 0, rest.length);
  }

  #emit(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(start, end);
    if (line.trim() !== '') this.#onLine(line);
  }
}
