import { expectObject, expectString } from '@rig-ts/core/internal';
import type { AnthropicAssistantBlock, AnthropicKnownAssistantBlock } from './anthropic-api-types.js';

const KNOWN_BLOCK_TYPES: ReadonlySet<string> = new Set<AnthropicKnownAssistantBlock['type']>([
  'text',
  'tool_use',
  'thinking',
  'redacted_thinking',
]);

/**
 * An assistant content block as read off the wire: an object with a string `type` (a copy; anything else is a
 * `TypeError` naming `field`). Its other fields are checked where they are read.
 */
export function readAnthropicBlock(value: unknown, field: string): AnthropicAssistantBlock {
  const block = expectObject(value, field);
  return { ...block, type: expectString(block.type, `${field}.type`) };
}

/** True for the block types this package interprets; every other block passes through whole. */
export function isKnownAnthropicBlock(block: AnthropicAssistantBlock): block is AnthropicKnownAssistantBlock {
  return KNOWN_BLOCK_TYPES.has(block.type);
}
