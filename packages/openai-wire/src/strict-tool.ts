import type { ToolDefinition, Warning } from '@rig-ts/core';
import { isStrictAsGiven } from './normalize-strict-schema.js';

/**
 * Whether a function tool is sent strict: when it asks for it (or, by default, with `strictTools`) and its schema
 * meets strict mode as given. A tool asking for strict mode whose schema does not meet it is sent non-strict, with a warning.
 */
export function isSentStrict(tool: ToolDefinition, strictTools: boolean, warnings: Warning[]): boolean {
  const strictAllowed = isStrictAsGiven(tool.parameters);
  if (tool.strict && !strictAllowed)
    warnings.push({
      type: 'unsupported',
      feature: `strict tool ${tool.name}`,
      details: 'its schema does not meet strict mode; sent non-strict',
    });
  return strictAllowed && (tool.strict ?? strictTools);
}
