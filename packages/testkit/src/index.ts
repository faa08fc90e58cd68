export { MockCompletionModel } from './mock/mock-completion-model.js';
export type { MockCompletionModelOptions } from './mock/mock-completion-model.js';
export type { MockCall, MockRawResponse, MockResponder, MockScriptEntry, MockStreamPart, MockToolCall, MockTurn } from './mock/mock-turn.js';
export { generateSchemaInstance } from './schema/generate-schema-instance.js';
export type { SchemaInstanceOptions } from './schema/generate-schema-instance.js';
export { splitText } from './split-text.js';
