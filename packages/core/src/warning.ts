/**
 * Something the caller should know about a call that went ahead: a request setting the provider could not honour
 * (`unsupported`, `other`), or a tool call the token limit cut off (`tool-call-cut`).
 */
export type Warning =
  { type: 'unsupported'; feature: string; details?: string } | { type: 'other'; message: string } | ToolCallCutWarning;

/**
 * A tool call the provider was still writing when the answer hit the token limit (finish reason `length`): its
 * arguments are incomplete JSON, so it is left out of the answer's content (nothing runs it) and reported here with
 * what had arrived. The answer keeps its text and every complete call.
 */
export interface ToolCallCutWarning {
  type: 'tool-call-cut';
  message: string;
  toolCall: {
    /** The call's id, as its completed `tool-call` would have had it. */
    id: string;
    callId?: string;
    name: string;
    /** The arguments as far as they arrived: JSON text cut short. */
    partialArguments: string;
  };
}

/** The warning for a tool call cut off by the token limit. */
export function toolCallCutWarning(
  call: { id: string; callId?: string | undefined; name: string },
  partialArguments: string,
): ToolCallCutWarning {
  const toolCall: ToolCallCutWarning['toolCall'] = { id: call.id, name: call.name, partialArguments };
  if (call.callId !== undefined) toolCall.callId = call.callId;
  return {
    type: 'tool-call-cut',
    message: `tool call "${call.name}" (${call.id}) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer`,
    toolCall,
  };
}

/** The warning for a tool definition asking for `strict` schemas from a provider (`Gemini`) that has no such mode. */
export function strictToolUnsupportedWarning(provider: string, toolName: string): Warning {
  return {
    type: 'unsupported',
    feature: 'strict',
    details: `tool "${toolName}": ${provider} has no strict schema mode`,
  };
}
