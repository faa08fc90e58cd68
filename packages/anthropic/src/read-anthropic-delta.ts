import { expectObject, expectString } from '@rig-ts/core/internal';
import type { AnthropicDelta } from './anthropic-api-types.js';

/**
 * The `delta` of a `content_block_delta` event, its fields checked (a field of the wrong type is a `TypeError` naming
 * it), or `undefined` for a delta type this package does not know: Anthropic may add some, and they are skipped.
 */
export function readAnthropicDelta(value: unknown): AnthropicDelta | undefined {
  const delta = expectObject(value, 'delta');
  switch (delta.type) {
    case 'text_delta':
      return { type: 'text_delta', text: expectString(delta.text, 'delta.text') };
    case 'input_json_delta':
      return { type: 'input_json_delta', partial_json: expectString(delta.partial_json, 'delta.partial_json') };
    case 'thinking_delta':
      return { type: 'thinking_delta', thinking: expectString(delta.thinking, 'delta.thinking') };
    case 'signature_delta':
      return { type: 'signature_delta', signature: expectString(delta.signature, 'delta.signature') };
    case 'citations_delta': {
      const citation = expectObject(delta.citation, 'delta.citation');
      return {
        type: 'citations_delta',
        citation: { ...citation, type: expectString(citation.type, 'delta.citation.type') },
      };
    }
    case 'compaction_delta':
      return { type: 'compaction_delta', content: expectString(delta.content, 'delta.content') };
    default:
      return undefined;
  }
}
