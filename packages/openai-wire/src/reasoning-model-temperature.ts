import type { Warning } from '@rig-ts/core';
import { isReasoningModel } from './is-reasoning-model.js';

/** The temperature to send: the request's, or none for a reasoning model, which takes none (a warning says it was dropped). */
export function temperatureToSend(
  modelId: string,
  temperature: number | undefined,
  warnings: Warning[],
): number | undefined {
  if (temperature === undefined || !isReasoningModel(modelId)) return temperature;
  warnings.push({
    type: 'unsupported',
    feature: 'temperature',
    details: `${modelId} is a reasoning model and takes no temperature`,
  });
  return undefined;
}
