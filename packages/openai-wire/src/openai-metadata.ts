/** What rig-ts keeps under `providerMetadata.openai` of a text block, to replay it exactly. */
export interface OpenAITextMetadata {
  /** The Responses API message item id (`msg_…`); a reasoning item must be replayed with the item that followed it. */
  itemId?: string;
  /** URL / file citations, as the API sent them. */
  annotations?: unknown[];
  /** The text is the model's refusal. */
  refusal?: true;
  /** Chat Completions servers with web search (Perplexity): the cited URLs, as the server sent them. */
  citations?: unknown;
  /** Perplexity's `search_results` (title, url, date of each source), as the server sent them. */
  searchResults?: unknown;
}

/** Reads `providerMetadata.openai` of a block. */
export function openAIMetadataOf(block: {
  providerMetadata?: { [key: string]: unknown };
}): OpenAITextMetadata | undefined {
  return block.providerMetadata?.openai as OpenAITextMetadata | undefined;
}
