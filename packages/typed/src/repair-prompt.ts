import type { StructuredOutputError } from '@rig-ts/core';

/** The user turn that asks the model to correct an answer that failed as `error` says. */
export function repairPrompt(error: StructuredOutputError, schemaName: string): string {
  if (error.kind === 'validation') {
    const lines = error.errors.map((issue) => `- ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
    return `Your answer does not match the JSON schema "${schemaName}":\n${lines.join('\n')}\nReply with only the corrected JSON value.`;
  }
  return `Your answer is not valid JSON. Reply with only a JSON value that matches the JSON schema "${schemaName}", with no other text.`;
}
