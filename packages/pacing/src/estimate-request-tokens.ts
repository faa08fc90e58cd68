const MAX_TOKEN_FIELDS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'] as const;

/**
 * A cautious guess of the tokens a request counts against a token limit before it runs: a token per 4 characters of
 * the body, plus the most output it asks for (`max_tokens`, `max_completion_tokens`, `max_output_tokens`, Gemini's
 * `generationConfig.maxOutputTokens`), as providers reserve it. 0 without a body.
 */
export function estimateRequestTokens(body: BodyInit | null | undefined): number {
  if (body === null || body === undefined) return 0;
  if (typeof body !== 'string') return body instanceof Blob ? Math.ceil(body.size / 4) : 0;
  let output = 0;
  try {
    const parsed = JSON.parse(body) as { [key: string]: unknown; generationConfig?: { maxOutputTokens?: unknown } };
    for (const field of MAX_TOKEN_FIELDS)
      if (typeof parsed[field] === 'number') output = Math.max(output, parsed[field]);
    if (typeof parsed.generationConfig?.maxOutputTokens === 'number')
      output = Math.max(output, parsed.generationConfig.maxOutputTokens);
  } catch {
    // Not JSON: the characters alone.
  }
  return Math.ceil(body.length / 4) + (Number.isFinite(output) && output > 0 ? output : 0);
}
