type Container = { [key: string]: unknown } | unknown[];

// Parser states.
const PREAMBLE = 0; // before the value: whitespace, prose or a code fence
const VALUE = 1; // a value must come next
const ARRAY_START = 2; // after `[`: a value or `]`
const OBJECT_START = 3; // after `{`: a key or `}`
const OBJECT_KEY = 4; // after `,` in an object: a key
const KEY = 5; // inside a key string
const COLON = 6; // after a key
const STRING = 7; // inside a string value
const TOKEN = 8; // inside a number or a literal
const AFTER_VALUE = 9; // after a value inside a container: `,` or the closer
const DONE = 10; // the value is complete; the rest is ignored
const FAILED = 11; // not JSON; nothing more is parsed

// Escape states inside strings.
const NO_ESCAPE = 0;
const ESCAPE = 1; // after a backslash
const UNICODE = 2; // reading the 4 hex digits of \uXXXX

const ESCAPES: { [char: string]: string } = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Characters that can continue a number or a `true` / `false` / `null` literal. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x45
  );
}

function setProperty(target: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * An incremental parser for a JSON value that arrives in pieces. Each character is looked at once, so the cost is
 * linear in the input, however it is split. The partial value is one object tree updated in place: objects and
 * arrays appear as soon as they open, properties once their value starts, strings grow as they stream, numbers and
 * literals appear once complete. Text before the value (prose, a code fence) and after it is skipped.
 */
export class PartialJsonParser {
  #state = PREAMBLE;
  #sawProse = false;
  #root: unknown = undefined;
  #started = false;
  readonly #stack: Container[] = [];
  /** Per open object: the key whose value comes next. */
  readonly #keys: string[] = [];
  #text = '';
  #escape = NO_ESCAPE;
  #unicode = '';
  #token = '';
  /** Where the string value being read lives: its container (none at the root) and key or index. */
  #stringContainer: Container | undefined;
  #stringSlot: string | number = 0;
  /** The string value grew since it was last stored. */
  #stringDirty = false;
  #changed = false;

  /** The value so far (`undefined` until it starts). The same object tree is updated by later pushes. */
  get value(): unknown {
    return this.#root;
  }

  /** True once the value has started. */
  get started(): boolean {
    return this.#started;
  }

  /** True once the whole value has been read. */
  get done(): boolean {
    return this.#state === DONE;
  }

  /** True when the text is not JSON (parsing stopped). */
  get failed(): boolean {
    return this.#state === FAILED;
  }

  /** Reads the next piece of text; returns true when the partial value changed. */
  push(chunk: string): boolean {
    this.#changed = false;
    const length = chunk.length;
    let index = 0;
    while (index < length) {
      const state = this.#state;
      if (state === STRING || state === KEY) {
        index = this.#readString(chunk, index);
        continue;
      }
      if (state === DONE || state === FAILED) break;
      const code = chunk.charCodeAt(index);
      if (state === TOKEN) {
        if (isTokenChar(code)) {
          this.#token += chunk[index];
          index++;
        } else this.#endToken();
        continue;
      }
      index++;
      if (isWhitespace(code)) continue;
      switch (state) {
        case PREAMBLE:
          if (code === 0x7b || code === 0x5b || (!this.#sawProse && (code === 0x22 || isTokenChar(code)))) {
            this.#beginValue(code, chunk[index - 1]!);
          } else this.#sawProse = true;
          break;
        case ARRAY_START:
          if (code === 0x5d) this.#close(code);
          else this.#beginValue(code, chunk[index - 1]!);
          break;
        case VALUE:
          this.#beginValue(code, chunk[index - 1]!);
          break;
        case OBJECT_START:
          if (code === 0x7d) this.#close(code);
          else this.#beginKey(code);
          break;
        case OBJECT_KEY:
          this.#beginKey(code);
          break;
        case COLON:
          this.#state = code === 0x3a ? VALUE : FAILED;
          break;
        case AFTER_VALUE:
          if (code === 0x2c) this.#state = Array.isArray(this.#stack[this.#stack.length - 1]) ? VALUE : OBJECT_KEY;
          else this.#close(code);
          break;
      }
    }
    if (this.#state === STRING) this.#storeString();
    return this.#changed;
  }

  /** Marks the end of the input: completes a number or literal still being read. */
  end(): boolean {
    this.#changed = false;
    if (this.#state === TOKEN) this.#endToken();
    return this.#changed;
  }

  #beginValue(code: number, char: string): void {
    if (code === 0x7b || code === 0x5b) {
      const container: Container = code === 0x7b ? {} : [];
      this.#attach(container);
      this.#stack.push(container);
      if (code === 0x7b) this.#keys.push('');
      this.#state = code === 0x7b ? OBJECT_START : ARRAY_START;
    } else if (code === 0x22) {
      const container = this.#stack[this.#stack.length - 1];
      this.#stringContainer = container;
      this.#stringSlot =
        container === undefined ? 0 : Array.isArray(container) ? container.length : this.#keys[this.#keys.length - 1]!;
      this.#text = '';
      this.#stringDirty = false;
      this.#attach('');
      this.#state = STRING;
    } else if (isTokenChar(code)) {
      this.#token = char;
      this.#state = TOKEN;
    } else this.#state = FAILED;
  }

  #beginKey(code: number): void {
    if (code !== 0x22) {
      this.#state = FAILED;
      return;
    }
    this.#text = '';
    this.#state = KEY;
  }

  /** Reads string characters from `index`; returns where it stopped. */
  #readString(chunk: string, index: number): number {
    const length = chunk.length;
    while (index < length) {
      if (this.#escape === ESCAPE) {
        const char = chunk[index++]!;
        if (char === 'u') {
          this.#escape = UNICODE;
          this.#unicode = '';
          continue;
        }
        const replacement = ESCAPES[char];
        if (replacement === undefined) {
          this.#state = FAILED;
          return length;
        }
        this.#text += replacement;
        this.#stringDirty = true;
        this.#escape = NO_ESCAPE;
        continue;
      }
      if (this.#escape === UNICODE) {
        const take = Math.min(4 - this.#unicode.length, length - index);
        this.#unicode += chunk.slice(index, index + take);
        index += take;
        if (this.#unicode.length === 4) {
          if (!/^[0-9a-fA-F]{4}$/.test(this.#unicode)) {
            this.#state = FAILED;
            return length;
          }
          this.#text += String.fromCharCode(Number.parseInt(this.#unicode, 16));
          this.#stringDirty = true;
          this.#escape = NO_ESCAPE;
        }
        continue;
      }
      let end = index;
      while (end < length) {
        const code = chunk.charCodeAt(end);
        if (code === 0x22 || code === 0x5c) break;
        end++;
      }
      if (end > index) {
        this.#text += chunk.slice(index, end);
        this.#stringDirty = true;
      }
      if (end === length) return length;
      if (chunk.charCodeAt(end) === 0x5c) {
        this.#escape = ESCAPE;
        index = end + 1;
        continue;
      }
      this.#endString();
      return end + 1;
    }
    return index;
  }

  #endString(): void {
    if (this.#state === KEY) {
      this.#keys[this.#keys.length - 1] = this.#text;
      this.#state = COLON;
    } else {
      this.#storeString();
      this.#afterValue();
    }
    this.#text = '';
  }

  #storeString(): void {
    if (!this.#stringDirty) return;
    this.#stringDirty = false;
    const container = this.#stringContainer;
    if (container === undefined) this.#root = this.#text;
    else if (Array.isArray(container)) container[this.#stringSlot as number] = this.#text;
    else setProperty(container, this.#stringSlot as string, this.#text);
    this.#changed = true;
  }

  #endToken(): void {
    const token = this.#token;
    this.#token = '';
    let value: unknown;
    if (token === 'true') value = true;
    else if (token === 'false') value = false;
    else if (token === 'null') value = null;
    else if (NUMBER.test(token)) value = Number(token);
    else if (!this.#started) {
      // A word of prose ("the answer: {…}"), not a literal: keep looking for the value.
      this.#sawProse = true;
      this.#state = PREAMBLE;
      return;
    } else {
      this.#state = FAILED;
      return;
    }
    this.#attach(value);
    this.#afterValue();
  }

  #attach(value: unknown): void {
    const container = this.#stack[this.#stack.length - 1];
    if (container === undefined) {
      this.#root = value;
      this.#started = true;
    } else if (Array.isArray(container)) container.push(value);
    else setProperty(container, this.#keys[this.#keys.length - 1]!, value);
    this.#changed = true;
  }

  #afterValue(): void {
    this.#state = this.#stack.length === 0 ? DONE : AFTER_VALUE;
  }

  #close(code: number): void {
    const container = this.#stack[this.#stack.length - 1];
    const isArray = Array.isArray(container);
    if (container === undefined || code !== (isArray ? 0x5d : 0x7d)) {
      this.#state = FAILED;
      return;
    }
    this.#stack.pop();
    if (!isArray) this.#keys.pop();
    this.#afterValue();
  }
}
