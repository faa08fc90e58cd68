export { Client } from './gemini-provider.js';
export { GeminiCompletionModel } from './gemini-completion-model.js';
export { GEMINI_DEFAULTS } from './gemini-settings.js';
export type { GeminiClientOptions } from './gemini-settings.js';
export type { GeminiOptions, GeminiProviderTool, GeminiSafetySetting, GeminiThinkingConfig } from './gemini-options.js';
export { VERSION } from './version.js';
// Wire types and mapping functions stay internal.
