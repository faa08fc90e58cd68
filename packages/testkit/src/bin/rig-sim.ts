#!/usr/bin/env node
/// <reference types="node" />
import { startSimulator } from '../simulator/start-simulator.js';
import { parseRigSimArguments, RIG_SIM_USAGE } from './parse-rig-sim-arguments.js';

let options;
try {
  options = parseRigSimArguments(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`rig-sim: ${(error as Error).message}\n\n${RIG_SIM_USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${RIG_SIM_USAGE}\n`);
  process.exit(0);
}
try {
  const simulator = await startSimulator({
    port: options.port,
    host: options.host,
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
  });
  process.stdout.write(
    [
      `rig-sim: provider simulator listening on ${simulator.url}`,
      `  openai     baseURL ${simulator.baseURLs.openai}   (POST /responses, /chat/completions)`,
      `  anthropic  baseURL ${simulator.baseURLs.anthropic}   (POST /messages)`,
      `  gemini     baseURL ${simulator.baseURLs.gemini}   (POST /models/{model}:generateContent, :streamGenerateContent?alt=sse)`,
      `  ollama     baseURL ${simulator.baseURLs.ollama}   (POST /api/chat)`,
      'Any API key works. Faults: x-sim-fault header or a model id containing fault-<name>. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`rig-sim: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
  process.exit(1);
}
