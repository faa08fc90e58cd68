/**
 * True for OpenAI reasoning models (o-series, gpt-5 family, codex): they take `developer` instead of `system`,
 * `max_completion_tokens` instead of `max_tokens`, and return reasoning items.
 */
export function isReasoningModel(modelId: string): boolean {
  const id = modelId.toLowerCase().replace(/^.*\//, '');
  if (id.startsWith('gpt-5')) return !id.startsWith('gpt-5-chat');
  return /^o\d/.test(id) || id.startsWith('codex');
}
