import type { CompletionRequest, ToolResult } from '@rig-ts/core';

/** The tool results of the last message a model was sent: what the agent answered its tool calls with. */
export function toolResults(request: CompletionRequest): ToolResult[] {
  const last = request.chatHistory[request.chatHistory.length - 1]!;
  return (last.content as readonly { type: string }[]).filter(
    (block): block is ToolResult => block.type === 'tool-result',
  );
}

/** The error result of tool call `id` of tool `name` that the model must be sent, telling it `text`. */
export function errorResult(id: string, name: string, text: string): ToolResult {
  return { type: 'tool-result', id, name, isError: true, content: [{ type: 'text', text }] };
}
