/** Token usage of one call, or summed over several. */
export interface Usage {
  /** Input tokens, cached ones included. */
  promptTokens: number;
  /** Output tokens, reasoning included. */
  completionTokens: number;
  totalTokens: number;
  /** Input tokens read from the provider's prompt cache. */
  cachedPromptTokens?: number;
  /** Input tokens written to the provider's prompt cache. */
  cacheCreationTokens?: number;
  /** Output tokens spent on reasoning. */
  reasoningTokens?: number;
}

/** Usage with every count at zero. */
export function emptyUsage(): Usage {
  return { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
}

function addOptional(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : a + b;
}

/** The sum of two usages; an optional count is present when either side has it. */
export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
  const cached = addOptional(a.cachedPromptTokens, b.cachedPromptTokens);
  const cacheCreation = addOptional(a.cacheCreationTokens, b.cacheCreationTokens);
  const reasoning = addOptional(a.reasoningTokens, b.reasoningTokens);
  if (cached !== undefined) sum.cachedPromptTokens = cached;
  if (cacheCreation !== undefined) sum.cacheCreationTokens = cacheCreation;
  if (reasoning !== undefined) sum.reasoningTokens = reasoning;
  return sum;
}
