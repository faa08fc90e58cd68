/**
 * JSON as Gemini streams it: a space after each colon, none after commas (`{"text": "Hi","role": "model"}`).
 */
export function googleJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : googleJson(item))).join(',')}]`;
  const entries: string[] = [];
  for (const [key, item] of Object.entries(value))
    if (item !== undefined) entries.push(`${JSON.stringify(key)}: ${googleJson(item)}`);
  return `{${entries.join(',')}}`;
}
