/** A safety filter setting (https://ai.google.dev/api/generate-content#safetysetting). */
export interface GeminiSafetySetting {
  category:
    | 'HARM_CATEGORY_HARASSMENT'
    | 'HARM_CATEGORY_HATE_SPEECH'
    | 'HARM_CATEGORY_SEXUALLY_EXPLICIT'
    | 'HARM_CATEGORY_DANGEROUS_CONTENT'
    | 'HARM_CATEGORY_CIVIC_INTEGRITY'
    | (string & {});
  threshold:
    'BLOCK_LOW_AND_ABOVE' | 'BLOCK_MEDIUM_AND_ABOVE' | 'BLOCK_ONLY_HIGH' | 'BLOCK_NONE' | 'OFF' | (string & {});
}

/** How much the model thinks, and whether its thought summaries come back as reasoning. */
export interface GeminiThinkingConfig {
  /** Thinking tokens allowed (Gemini 2.5); `0` turns thinking off where the model allows it, `-1` lets it decide. */
  thinkingBudget?: number;
  /** Thinking level (Gemini 3). */
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high' | (string & {});
  /** Return thought summaries, which become `reasoning` content. @default false (Gemini's default) */
  includeThoughts?: boolean;
}

/** A tool Gemini runs itself, sent beside the function declarations. */
export type GeminiProviderTool =
  | { googleSearch: { [option: string]: unknown } }
  | { codeExecution: { [option: string]: unknown } }
  | { urlContext: { [option: string]: unknown } }
  | { [tool: string]: unknown };

/**
 * Gemini options, given to `client.completionModel(id, options)` or per request under `providerOptions.gemini`
 * (the request's values win). Every field is optional and sent only when set: there are no hidden defaults.
 */
export interface GeminiOptions {
  /** `generationConfig.thinkingConfig`. */
  thinkingConfig?: GeminiThinkingConfig;
  /** Top-level `safetySettings`. */
  safetySettings?: GeminiSafetySetting[];
  /** `generationConfig.topP`. */
  topP?: number;
  /** `generationConfig.topK`. */
  topK?: number;
  /** `generationConfig.stopSequences`. */
  stopSequences?: string[];
  /** `generationConfig.seed`. */
  seed?: number;
  /** `generationConfig.presencePenalty`. */
  presencePenalty?: number;
  /** `generationConfig.frequencyPenalty`. */
  frequencyPenalty?: number;
  /** `generationConfig.responseModalities`, e.g. `['TEXT']`. */
  responseModalities?: ('TEXT' | 'IMAGE' | 'AUDIO' | (string & {}))[];
  /** `generationConfig.mediaResolution`. */
  mediaResolution?: 'MEDIA_RESOLUTION_LOW' | 'MEDIA_RESOLUTION_MEDIUM' | 'MEDIA_RESOLUTION_HIGH' | (string & {});
  /** A cached content name (`cachedContents/…`) to use as prompt prefix. */
  cachedContent?: string;
  /** Tools Gemini runs itself (`{ googleSearch: {} }`, `{ codeExecution: {} }`, `{ urlContext: {} }`), sent after the function declarations. */
  providerTools?: GeminiProviderTool[];
}
