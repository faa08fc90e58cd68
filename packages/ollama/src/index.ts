export { Client } from './ollama-provider.js';
export { OllamaCompletionModel } from './ollama-completion-model.js';
export { OLLAMA_DEFAULTS } from './ollama-settings.js';
export type { OllamaClientOptions } from './ollama-settings.js';
export type { OllamaModelOptions, OllamaOptions } from './ollama-options.js';
export { VERSION } from './version.js';
// Wire types and mapping functions stay internal.
