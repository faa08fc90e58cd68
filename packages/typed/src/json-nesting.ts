/**
 * How deeply a structured answer may nest before it is refused unchecked. Checking an answer walks it recursively
 * (the dropping of optional `null`s, then the validator): a few thousand levels overflow the stack. No schema a model
 * is asked to follow nests this deep (OpenAI's strict mode allows 10 levels).
 */
export const MAX_JSON_NESTING = 256;

/** Whether `value` holds arrays or objects nested more than `maxDepth` levels deep, found without recursion. */
export function isNestedDeeperThan(value: unknown, maxDepth: number = MAX_JSON_NESTING): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value))
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
  }
  return false;
}
