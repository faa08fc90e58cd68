import type { ValidationIssue } from '@rig-ts/core';

/** The texts the model reads when a tool call cannot be answered normally. Pure, so tests can assert them exactly. */
export const toolFeedback = {
  unknownTool(name: string, available: readonly string[]): string {
    return `Tool "${name}" does not exist. Available tools: ${available.length ? available.join(', ') : 'none'}.`;
  },
  invalidArguments(name: string, issues: readonly ValidationIssue[]): string {
    const details = issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    return `Invalid arguments for tool "${name}": ${details}. Call it again with arguments that match its schema.`;
  },
  unparseableArguments(name: string): string {
    return `Invalid arguments for tool "${name}": they are not valid JSON. Call it again with a JSON object.`;
  },
  timedOut(name: string, timeoutMs: number): string {
    return `Tool "${name}" did not finish within ${timeoutMs} ms and was stopped. Try again, or answer without it.`;
  },
  unserializable(name: string): string {
    return `Tool "${name}" returned a result that cannot be sent (it is not JSON). Try again, or answer without it.`;
  },
  failed(name: string): string {
    return `Tool "${name}" failed with an internal error. Try again, or answer without it.`;
  },
  agentMaxTurns(name: string, maxTurns: number): string {
    return `Tool "${name}" (an agent) gave no answer within ${maxTurns} model calls. Ask it for something smaller, or answer without it.`;
  },
  skipped(name: string, reason: string): string {
    return `Tool "${name}" was not run: ${reason}`;
  },
};
