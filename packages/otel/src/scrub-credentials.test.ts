import { describe, expect, it } from 'vitest';
import { scrubCredentials } from './scrub-credentials.js';

describe('scrubCredentials', () => {
  it.each([
    ['Authorization: Bearer abc.def-123 rejected', 'Authorization: Bearer [REDACTED] rejected'],
    ['Incorrect API key provided: sk-proj-AbCdEf0123456789xyz.', 'Incorrect API key provided: [REDACTED].'],
    ['key sk-ant-api03-AAAABBBBCCCC failed', 'key [REDACTED] failed'],
    ['groq gsk_ABCDEFGHIJKLMNOPQRSTUV', 'groq [REDACTED]'],
    ['xai xai-ABCDEFGHIJKLMNOPQRSTUV', 'xai [REDACTED]'],
    [
      'GET https://g.example/v1beta/models?key=AIzaSyA-1234567890abcdefghij&alt=sse',
      'GET https://g.example/v1beta/models?key=[REDACTED]&alt=sse',
    ],
    ['google AIzaSyA-1234567890abcdefghijkl', 'google [REDACTED]'],
    ['x?api_key=s3cr3t&token=t0k3n', 'x?api_key=[REDACTED]&token=[REDACTED]'],
    [
      '(see https://x.example/v1?key=abc123) and (Bearer t0k3n)',
      '(see https://x.example/v1?key=[REDACTED]) and (Bearer [REDACTED])',
    ],
    [
      'HTTP 429: rate limit reached for gpt-4o in organization org-123',
      'HTTP 429: rate limit reached for gpt-4o in organization org-123',
    ],
    ['task-based rate: sk-1 is too short to be a key', 'task-based rate: sk-1 is too short to be a key'],
  ])('%s', (input, expected) => {
    expect(scrubCredentials(input)).toBe(expected);
  });

  it('cuts long messages', () => {
    const long = 'x'.repeat(5000);
    expect(scrubCredentials(long)).toBe(`${'x'.repeat(1024)}…`);
  });
});
