import type { CompletionRequest } from '@rig-ts/core';
import { expect } from 'vitest';
import { toolResults } from './tool-results.js';

/**
 * Checks a run in which the fixture stdio server's `add-tool` registered its `late` tool and the model then called
 * `late` with `{ text: 'new' }` as `call_late`: `request` (the model call after that one) carries late's answer, and
 * the server's `log` holds both calls, in order, in the era that `protocol` negotiates.
 */
export function expectLateToolRan(
  request: CompletionRequest,
  log: readonly Record<string, unknown>[],
  protocol: 'legacy' | 'auto',
): void {
  expect(toolResults(request)).toEqual([
    { type: 'tool-result', id: 'call_late', name: 'late', content: [{ type: 'text', text: 'late: new' }] },
  ]);
  const era = protocol === 'legacy' ? 'legacy' : 'modern';
  expect(log).toEqual([
    { era, tool: 'add-tool', arguments: {} },
    { era, tool: 'late', arguments: { text: 'new' } },
  ]);
}
