/** A stream the app writes to (process.stdout / process.stderr, or a test double). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where the app writes: answers on `answers` (stdout), everything else on `notes` (stderr). */
export interface Terminal {
  answers: OutputStream;
  notes: OutputStream;
  /** ANSI colors on `notes`. */
  color: boolean;
}

/** Colors when `notes` is a terminal and NO_COLOR is not set (no-color.org). */
export function createTerminal(
  answers: OutputStream,
  notes: OutputStream,
  environment: { [name: string]: string | undefined },
): Terminal {
  return { answers, notes, color: notes.isTTY === true && !environment.NO_COLOR && environment.TERM !== 'dumb' };
}

function paint(code: number, reset: number) {
  return (terminal: Terminal, text: string): string =>
    terminal.color ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
}

export const dim = paint(2, 22);
export const bold = paint(1, 22);
export const red = paint(31, 39);
export const cyan = paint(36, 39);
