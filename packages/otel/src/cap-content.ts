const TRUNCATED = '…[truncated]';
const SMALLEST_STRING = 16;

function withStringsCut(value: unknown, limit: number): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > limit ? item.slice(0, limit) + TRUNCATED : item,
  );
}

/**
 * `value` as JSON of at most `maxLength` characters, still valid JSON: the longest strings are cut first (each to the
 * same length, marked `…[truncated]`), then, for an array (a conversation), the oldest items are left out; as a last
 * resort the JSON text itself is cut and recorded as one JSON string. A value JSON cannot hold (a cycle, a BigInt)
 * is recorded as a short note instead.
 */
export function capContent(value: unknown, maxLength: number): string {
  let whole: string;
  try {
    whole = JSON.stringify(value) ?? 'null';
  } catch (error) {
    // A cycle or a BigInt in what a tool or a hook produced: recording must never fail the call.
    return JSON.stringify(`[not serializable: ${error instanceof Error ? error.name : 'error'}]`);
  }
  if (whole.length <= maxLength) return whole;
  let limit = SMALLEST_STRING;
  JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'string' && item.length > limit) limit = item.length;
    return item;
  });
  let cut = whole;
  for (limit = Math.floor(limit / 2); limit >= SMALLEST_STRING; limit = Math.floor(limit / 2)) {
    cut = withStringsCut(value, limit);
    if (cut.length <= maxLength) return cut;
  }
  if (Array.isArray(value)) {
    for (let start = 1; start < value.length; start++) {
      const recent = withStringsCut(value.slice(start), SMALLEST_STRING);
      if (recent.length <= maxLength) return recent;
    }
  }
  for (let length = maxLength - TRUNCATED.length - 2; length > 0; length = Math.floor(length * 0.75)) {
    const text = JSON.stringify(cut.slice(0, length) + TRUNCATED);
    if (text.length <= maxLength) return text;
  }
  return '""';
}
