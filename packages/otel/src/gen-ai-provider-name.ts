// rig-ts provider names whose well-known `gen_ai.provider.name` value differs; the others are sent as they are
// (`openai`, `anthropic`, `deepseek`, `groq`, `perplexity`, and custom names such as `ollama` or `openrouter`).
const WELL_KNOWN: ReadonlyMap<string, string> = new Map([
  ['gemini', 'gcp.gemini'],
  ['xai', 'x_ai'],
  ['mistral', 'mistral_ai'],
  ['azure', 'azure.ai.openai'],
]);

/** The `gen_ai.provider.name` of a rig-ts model's `provider`. */
export function genAiProviderName(provider: string): string {
  return WELL_KNOWN.get(provider) ?? provider;
}
