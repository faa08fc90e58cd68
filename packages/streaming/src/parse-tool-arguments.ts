/**
 * Parses a tool call's assembled JSON arguments. An empty string or `null` means no arguments (`{}`).
 * Returns `undefined` when the text is not valid JSON.
 */
export function parseToolArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value === null ? {} : value;
  } catch {
    return undefined;
  }
}
