import type { CompletionResponse } from '@rig-ts/core';
import { deriveAnthropicExpectations, type AnthropicExpectation } from '@rig-ts/provider-tests';

/** The structured-output tool the tests declare for a recording: vercel/ai's `json` tool in its json-tool recordings. */
export const jsonToolOf = (path: string): string | undefined => (/json-(other-)?tool/.test(path) ? 'json' : undefined);

/**
 * What every real Anthropic recording must give, derived from the wire by the test oracle of @rig-ts/provider-tests
 * (written apart from this package's parser): key `<file>` for a body or a raw stream, `<file>#<n>` for the n-th message
 * of a `.chunks.txt` stream.
 */
export const EXPECTED_RESPONSES: { [fixture: string]: AnthropicExpectation } = deriveAnthropicExpectations(
  ['anthropic/pydantic-ai', 'anthropic/vercel-ai'],
  { jsonToolOf },
);

/** The parts of a response the expectations cover. */
export function summarize(response: CompletionResponse): AnthropicExpectation {
  const summary: AnthropicExpectation = {
    id: response.id!,
    model: response.model!,
    finishReason: response.finishReason,
    usage: response.usage,
    choice: [...response.choice],
  };
  if (response.rawFinishReason !== undefined) summary.rawFinishReason = response.rawFinishReason;
  return summary;
}
