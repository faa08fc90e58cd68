/** A short description of any thrown value, for an error message (at most 300 characters; never throws). */
export function describeThrown(thrown: unknown): string {
  try {
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return 'an unprintable value';
  }
}
