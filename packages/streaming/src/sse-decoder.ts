/** Receives each dispatched server-sent event: its data, its type (`message` when none was given) and its last event id. */
export type SseEventHandler = (data: string, event: string, id: string | undefined) => void;

/**
 * An incremental server-sent-events decoder following the WHATWG rules: `event`, `data` (multi-line, joined with
 * `\n`), `id`, `retry`, comments, CR / LF / CRLF line ends (also split across chunks) and a leading BOM.
 * Feed it decoded text in any split; it calls `onEvent` once per complete event. An event not closed by a blank line
 * when the input ends is discarded, as the standard says.
 */
export class SseDecoder {
  /** The reconnection time the server last asked for, in ms. */
  retry: number | undefined;
  #onEvent: SseEventHandler;
  #rest = '';
  /** Later pieces of the unfinished line in `#rest`, kept apart until its end arrives (so it is not rescanned). */
  readonly #more: string[] = [];
  #data = '';
  #hasData = false;
  #event = '';
  #id: string | undefined;
  #started = false;
  #skipLeadingLf = false;

  constructor(onEvent: SseEventHandler) {
    this.#onEvent = onEvent;
  }

  /** Decodes the next piece of the stream. */
  push(chunk: string): void {
    let text: string;
    if (this.#rest === '') text = chunk;
    else {
      // A line is unfinished: until a piece holds a line end, keep the pieces, so that a huge line costs linear time.
      if (chunk.indexOf('\n') === -1 && chunk.indexOf('\r') === -1) {
        this.#more.push(chunk);
        return;
      }
      text = this.#more.length === 0 ? this.#rest + chunk : this.#rest + this.#more.join('') + chunk;
      this.#more.length = 0;
    }
    this.#rest = '';
    if (!this.#started) {
      if (text === '') return;
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let position = 0;
    if (this.#skipLeadingLf) {
      if (text === '') return;
      this.#skipLeadingLf = false;
      if (text.charCodeAt(0) === 10) position = 1;
    }
    const length = text.length;
    if (text.indexOf('\r', position) === -1) {
      position = this.#pushLf(text, position);
      if (position < length) this.#rest = position === 0 ? text : text.slice(position);
      return;
    }
    let nextLf = text.indexOf('\n', position);
    let nextCr = text.indexOf('\r', position);
    while (position < length) {
      if (nextLf !== -1 && nextLf < position) nextLf = text.indexOf('\n', position);
      if (nextCr !== -1 && nextCr < position) nextCr = text.indexOf('\r', position);
      let end: number;
      if (nextCr === -1) {
        if (nextLf === -1) break;
        end = nextLf;
      } else end = nextLf !== -1 && nextLf < nextCr ? nextLf : nextCr;
      this.#line(text, position, end);
      if (end === nextCr) {
        if (end + 1 === length) {
          this.#skipLeadingLf = true;
          position = length;
          break;
        }
        position = text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      } else position = end + 1;
    }
    if (position < length) this.#rest = position === 0 ? text : text.slice(position);
  }

  // The common case (no CR in this piece): LF line ends only, and a one-line `data:` event followed by its blank
  // line is dispatched without buffering. Returns where the unfinished line starts.
  #pushLf(text: string, position: number): number {
    const onEvent = this.#onEvent;
    let end = text.indexOf('\n', position);
    while (end !== -1) {
      if (
        text.charCodeAt(end + 1) === 10 &&
        text.charCodeAt(position) === 100 &&
        text.charCodeAt(position + 1) === 97 &&
        text.charCodeAt(position + 2) === 116 &&
        text.charCodeAt(position + 3) === 97 &&
        text.charCodeAt(position + 4) === 58 &&
        !this.#hasData
      ) {
        const data = text.slice(text.charCodeAt(position + 5) === 32 ? position + 6 : position + 5, end);
        const event = this.#event;
        position = end + 2;
        if (event === '') onEvent(data, 'message', this.#id);
        else {
          this.#event = '';
          onEvent(data, event, this.#id);
        }
      } else {
        this.#line(text, position, end);
        position = end + 1;
      }
      end = text.indexOf('\n', position);
    }
    return position;
  }

  /** Ends the input: a pending incomplete event is discarded. */
  end(): void {
    this.#rest = '';
    this.#more.length = 0;
    this.#data = '';
    this.#hasData = false;
    this.#event = '';
  }

  #line(text: string, start: number, end: number): void {
    if (start === end) {
      if (this.#hasData) {
        const data = this.#data;
        const event = this.#event === '' ? 'message' : this.#event;
        this.#data = '';
        this.#hasData = false;
        this.#event = '';
        this.#onEvent(data, event, this.#id);
      } else this.#event = '';
      return;
    }
    const first = text.charCodeAt(start);
    if (first === 58) return;
    // Fast path for the usual `data: …` line.
    if (first === 100 && text.startsWith('data:', start)) {
      const valueStart = text.charCodeAt(start + 5) === 32 ? start + 6 : start + 5;
      const value = text.slice(valueStart, end);
      if (this.#hasData) this.#data += '\n' + value;
      else {
        this.#data = value;
        this.#hasData = true;
      }
      return;
    }
    const colon = text.indexOf(':', start);
    let field: string;
    let value: string;
    if (colon === -1 || colon >= end) {
      field = text.slice(start, end);
      value = '';
    } else {
      field = text.slice(start, colon);
      value = text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1, end);
    }
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        if (this.#hasData) this.#data += '\n' + value;
        else {
          this.#data = value;
          this.#hasData = true;
        }
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }
}
