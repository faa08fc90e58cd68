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
