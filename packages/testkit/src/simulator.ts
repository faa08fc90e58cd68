export { startSimulator } from './simulator/start-simulator.js';
export type { Simulator, StartSimulatorOptions } from './simulator/start-simulator.js';
export { startLoopbackServer } from './simulator/start-loopback-server.js';
export type {
  LoopbackHandler,
  LoopbackRequest,
  LoopbackServer,
  SimulatorConnections,
  StartLoopbackServerOptions,
} from './simulator/start-loopback-server.js';
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
