/** Longest tool name every provider accepts (OpenAI and Anthropic allow 64 characters; MCP allows 128). */
export const MAX_TOOL_NAME_LENGTH = 64;

const HASH_LENGTH = 8;

/** FNV-1a (32 bits) as 8 hex digits: a short, stable tag that keeps shortened names apart. */
function hashName(name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(HASH_LENGTH, '0');
}

/**
 * The name the model sees for an MCP tool: `prefix` + the server's name, with every character outside
 * `A–Z a–z 0–9 _ -` replaced by `_` (MCP names may hold `.`, which OpenAI rejects), and a name longer than 64
 * characters cut to 55 plus `_` and a hash of the whole name. The tool keeps its server name for calls, so the mapping
 * needs no table to reverse.
 */
export function mapMcpToolName(name: string, prefix = ''): string {
  const full = `${prefix}${name}`;
  const cleaned = full.replace(/[^A-Za-z0-9_-]/g, '_');
  if (cleaned.length <= MAX_TOOL_NAME_LENGTH) return cleaned;
  return `${cleaned.slice(0, MAX_TOOL_NAME_LENGTH - HASH_LENGTH - 1)}_${hashName(full)}`;
}
