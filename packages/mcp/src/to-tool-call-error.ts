import { ProtocolError, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { ToolError } from '@rig-ts/agent';
import { redactCause, redactText } from './redact-secrets.js';

/** What {@link toToolCallError} needs to know about the failed call. */
export interface ToolCallFailure {
  /** The server, as named in messages. */
  server: string;
  /** The tool's name on the server. */
  tool: string;
  /** The time limit the call had, in ms. */
  timeoutMs: number;
  /** The run's signal: when it aborted, its reason is rethrown as it is. */
  signal?: AbortSignal;
  /** Values redacted from the message and the cause (header values, query values, env values). @default [] */
  secrets?: readonly string[];
}

/**
 * What a tool call that threw becomes: the run's abort reason when the run was cancelled (the client SDK reports an
 * abort as a timeout), else a {@link ToolError} whose message the model reads (with the SDK's error as `cause`). The
 * messages are ours, except a JSON-RPC error's, which the server wrote for its client; transport details (URLs, HTTP
 * bodies) never reach the model, and `secrets` are redacted from the message and the cause.
 */
export function toToolCallError(error: unknown, failure: ToolCallFailure): unknown {
  if (failure.signal?.aborted) return failure.signal.reason;
  const { server, tool } = failure;
  const secrets = failure.secrets ?? [];
  const options = { cause: redactCause(error, secrets) };
  if (error instanceof ProtocolError)
    return new ToolError(
      `MCP server "${server}" rejected the call of tool "${tool}": ${redactText(error.message, secrets)} (JSON-RPC error ${error.code}).`,
      options,
    );
  if (error instanceof SdkHttpError)
    return new ToolError(
      `MCP server "${server}" answered the call of tool "${tool}" with HTTP status ${error.status}.`,
      options,
    );
  if (error instanceof SdkError) {
    switch (error.code) {
      case SdkErrorCode.RequestTimeout:
        return new ToolError(
          `Tool "${tool}" of MCP server "${server}" did not answer within ${failure.timeoutMs} ms.`,
          options,
        );
      case SdkErrorCode.ConnectionClosed:
      case SdkErrorCode.NotConnected:
        return new ToolError(`MCP server "${server}" closed the connection while tool "${tool}" was running.`, options);
      default:
        return new ToolError(`Tool "${tool}" of MCP server "${server}" failed (${error.code}).`, options);
    }
  }
  if (error instanceof TypeError && error.message === 'fetch failed')
    return new ToolError(`MCP server "${server}" could not be reached to call tool "${tool}".`, options);
  return new ToolError(`Tool "${tool}" of MCP server "${server}" failed.`, options);
}
