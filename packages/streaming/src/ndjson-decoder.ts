/**
 * An incremental newline-delimited JSON decoder: one JSON value per line (LF or CRLF), blank lines skipped.
 * Feed it decoded text in any split; it calls `onLine` with each complete, non-blank line's text.
 * A last line without a newline is delivered by `end()`.
 */
export class NdjsonDecoder {
  #onLine: (line: string) => void;
  #rest = '';
  /** Later pieces of the unfinished line in `#rest`, kept apart until its end arrives (so it is not rescanned). */
  readonly #more: string[] = [];

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  /** Decodes the next piece of the stream. */
  push(chunk: string): void {
    let text: string;
    if (this.#rest === '') text = chunk;
    else {
      // A line is unfinished: until a piece holds a newline, keep the pieces, so that a huge line costs linear time.
      if (chunk.indexOf('\n') === -1) {
        this.#more.push(chunk);
        return;
      }
      text = this.#more.length === 0 ? this.#rest + chunk : this.#rest + this.#more.join('') + chunk;
      this.#more.length = 0;
    }
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
    const rest = this.#more.length === 0 ? this.#rest : this.#rest + this.#more.join('');
    this.#rest = '';
    this.#more.length = 0;
    if (rest !== '') this.#emit(rest, 0, rest.length);
  }

  #emit(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(start, end);
    if (line.trim() !== '') this.#onLine(line);
  }
}
