import { FAILED } from './fault-expectations.js';
import type { Expectation, ExpectedError, FaultCase, MessageSpec } from './fault-matrix.js';

const NOT_READABLE = (what: string, reason: string): MessageSpec => ({
  exact: `${what} that rig-ts cannot read: ${reason}`,
});
const NOT_A_STRING = (field: string) => `${field} is not a string (got an object)`;

const ANSWERED: Expectation = {
  attempts: 1,
  outcome: 'answer',
  partial: 'all',
  usage: true,
  timeMs: { under: 10_000 },
};

function malformed(messageByWire: NonNullable<ExpectedError['messageByWire']>): ExpectedError {
  return {
    name: 'CompletionError.Response',
    kind: 'response',
    reason: 'malformed',
    isRetryable: false,
    message: { exact: '<what could not be read, and why>' },
    messageByWire,
  };
}

/**
 * The lines of the matrix about where a stream ends and what shape its frames have (issue 16): an answer whose
 * connection stays open, data after the end event, a text delta of the wrong shape. Run by `stream-end-faults.test.ts`
 * over every provider, rendered in RELIABILITY.md after the main matrix.
 */
export const STREAM_END_FAULTS: readonly FaultCase[] = [
  {
    id: 'held-open',
    fault: 'the whole answer, then the connection held open (the body never ends)',
    source: { rewrite: 'held-open' },
    // A stream that waited for the end of the body would fail after the idle timeout (30 s), past the limit.
    settings: { idleTimeoutMs: 30_000, timeoutMs: 60_000 },
    expected: { stream: ANSWERED },
  },
  {
    id: 'data-after-end',
    fault:
      'after the end event, more text (` EXTRA`), a frame that is not JSON and an error event, then the end of the body',
    source: { rewrite: 'data-after-end' },
    expected: { stream: ANSWERED },
  },
  {
    id: 'wrong-shape-text',
    fault: 'the first text delta’s text is an object, `{ "text": … }` (JSON: the answer’s text is)',
    source: { rewrite: 'wrong-shape-text' },
    expected: {
      completion: FAILED(
        malformed({
          'openai-responses': NOT_READABLE('{provider} sent a response', NOT_A_STRING('output[0].content[0].text')),
          'openai-chat': NOT_READABLE('{provider} sent a response', NOT_A_STRING('choices[0].message.content')),
          anthropic: NOT_READABLE('{provider} sent a response', NOT_A_STRING('content[0].text')),
          gemini: NOT_READABLE('{provider} sent a response', NOT_A_STRING('candidates[0].content.parts[0].text')),
          ollama: NOT_READABLE('{provider} sent a response', NOT_A_STRING('message.content')),
        }),
        1,
        { under: 5_000 },
      ),
      stream: FAILED(
        malformed({
          'openai-responses': NOT_READABLE('stream sent a "response.output_text.delta" frame', NOT_A_STRING('delta')),
          'openai-chat': NOT_READABLE('stream sent a "message" frame', NOT_A_STRING('choices[0].delta.content')),
          anthropic: NOT_READABLE('stream sent a "content_block_delta" frame', NOT_A_STRING('delta.text')),
          gemini: NOT_READABLE('stream sent a "message" frame', NOT_A_STRING('candidates[0].content.parts[0].text')),
          ollama: NOT_READABLE('stream sent a line', NOT_A_STRING('message.content')),
        }),
        1,
        { under: 5_000 },
      ),
    },
  },
];
