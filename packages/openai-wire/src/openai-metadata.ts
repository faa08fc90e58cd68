/** What rig-ts keeps under `providerMetadata.openai` of a text block, to replay it exactly. */
export interface OpenAITextMetadata {
  /** The Responses API message item id (`msg_…`); a reasoning item must be replayed with the item that followed it. */
  itemId?: string;
  /** URL / file citations, as the API sent them. */
  annotations?: unknown[];
  /** The text is the model's refusal. */
  refusal?: true;
}

/** Reads `providerMetadata.openai` of a block. */
export function openAIMetadataOf(block: { providerMetadata?: { [key: string]: unknown } }): OpenAITextMetadata | undefined {
  return block.providerMetadata?.openai as OpenAITextMetadata | undefined;
}
