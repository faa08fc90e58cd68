import { addUsage, emptyUsage, type Usage } from '@rig-ts/core';
import type { AgentHook } from './agent-hook.js';

/** A hook that sums token usage per model, across every run it is attached to. */
export interface UsageTracker extends AgentHook {
  /** Usage summed per model id (as the provider reported it, else the requested one). */
  readonly byModel: ReadonlyMap<string, Usage>;
  /** Usage summed over every model. */
  total(): Usage;
  /** Forgets everything counted so far. */
  reset(): void;
}

/**
 * A hook that sums token usage per model, so you can watch what runs cost: attach it to an agent (`.hook()`) or a run
 * (`hooks`), then read `total()` or `byModel`.
 */
export function usageTracker(): UsageTracker {
  const byModel = new Map<string, Usage>();
  return {
    byModel,
    afterCompletion({ request, response }) {
      const model = response.model ?? request.model ?? 'unknown';
      byModel.set(model, addUsage(byModel.get(model) ?? emptyUsage(), response.usage));
    },
    total() {
      let sum = emptyUsage();
      for (const usage of byModel.values()) sum = addUsage(sum, usage);
      return sum;
    },
    reset() {
      byModel.clear();
    },
  };
}
