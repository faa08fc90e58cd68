// Wire shapes of the Gemini API (generativelanguage v1beta, REST JSON with lowerCamelCase names).

export interface GeminiBlob {
  mimeType: string;
  data: string;
}

export interface GeminiFileData {
  mimeType?: string;
  fileUri: string;
}

export interface GeminiFunctionCall {
  id?: string;
  name?: string;
  args?: { [key: string]: unknown };
  /** Streamed arguments (`streamFunctionCallArguments`): pieces addressed by a JSON path. */
  partialArgs?: GeminiPartialArg[];
  /** More pieces of this call follow. */
  willContinue?: boolean;
}

export interface GeminiPartialArg {
  jsonPath: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: null | string;
  willContinue?: boolean;
}

export interface GeminiFunctionResponse {
  id?: string;
  name: string;
  response: { [key: string]: unknown };
  parts?: ({ inlineData: GeminiBlob } | { fileData: GeminiFileData })[];
}

export interface GeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: GeminiBlob;
  fileData?: GeminiFileData;
  functionCall?: GeminiFunctionCall;
  functionResponse?: GeminiFunctionResponse;
  executableCode?: { language?: string; code?: string };
  codeExecutionResult?: { outcome?: string; output?: string };
}

export interface GeminiContent {
  role?: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiFunctionDeclaration {
  name: string;
  description: string;
  parametersJsonSchema: { [keyword: string]: unknown };
}

export type GeminiTool = { functionDeclarations: GeminiFunctionDeclaration[] } | { [nativeTool: string]: unknown };

export interface GeminiToolConfig {
  functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE' | 'VALIDATED'; allowedFunctionNames?: string[] };
}

export interface GeminiGenerationConfig {
  temperature?: number;
  maxOutputTokens?: number;
  responseMimeType?: string;
  responseJsonSchema?: { [keyword: string]: unknown };
  [option: string]: unknown;
}

/** The body of `generateContent` / `streamGenerateContent`. */
export interface GeminiRequest {
  contents: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  safetySettings?: unknown[];
  generationConfig: GeminiGenerationConfig;
  cachedContent?: string;
  [field: string]: unknown;
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
  [field: string]: unknown;
}

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
  safetyRatings?: unknown[];
  groundingMetadata?: unknown;
  [field: string]: unknown;
}

/** A `generateContent` response, and each event of a `streamGenerateContent?alt=sse` stream. */
export interface GeminiResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string; safetyRatings?: unknown[] };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
  /** An error sent inside a stream. */
  error?: { code?: number; message?: string; status?: string };
  [field: string]: unknown;
}
