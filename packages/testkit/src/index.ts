export { MockCompletionModel } from './mock/mock-completion-model.js';
export type { MockCompletionModelOptions } from './mock/mock-completion-model.js';
export type {
  MockCall,
  MockRawResponse,
  MockResponder,
  MockScriptEntry,
  MockStreamPart,
  MockToolCall,
  MockTurn,
} from './mock/mock-turn.js';
export { generateSchemaInstance } from './schema/generate-schema-instance.js';
export type { SchemaInstanceOptions, SchemaValueSlot } from './schema/generate-schema-instance.js';
// The simulator without a server (browser-safe); the node:http server is in `@rig-ts/testkit/simulator`.
export { createSimulatorFetch } from './simulator/create-simulator-fetch.js';
export type { SimulatorFetch, SimulatorFetchOptions } from './simulator/create-simulator-fetch.js';
export { simulatedAnswer } from './simulator/answer-conversation.js';
export { SIMULATOR_FAULTS } from './simulator/read-simulator-settings.js';
export type { SimulatorFault } from './simulator/read-simulator-settings.js';
export type { SimulatorBaseURLs } from './simulator/simulator-base-urls.js';
export type {
  SimulatorOptions,
  SimulatorRecord,
  SimulatorReply,
  SimulatorRequest,
  SimulatorRoutes,
  SimulatorRoutesContext,
  SimulatorRoutesFactory,
} from './simulator/simulator-engine.js';
export { simulatorBatchRoutes } from './simulator/simulator-batch-routes.js';
export { DEFAULT_BATCH_DELAY_MS } from './simulator/read-batch-settings.js';
export type { SimulatorApi } from './simulator/sim-conversation.js';
