import { ProtocolError, ProtocolErrorCode, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { ToolError } from '@rig-ts/agent';
import { describe, expect, it } from 'vitest';
import { toToolCallError } from './to-tool-call-error.js';

const failure = { server: 'everything', tool: 'echo', timeoutMs: 1500 };

/** The cause is a copy of the error (secrets redacted, extra fields dropped) keeping its name, message and code. */
function expectToolError(error: unknown, message: string, cause: unknown): void {
  expect(ToolError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ name: 'ToolError', message });
  if (cause instanceof Error) {
    expect((error as ToolError).cause).toBeInstanceOf(Error);
    expect((error as ToolError).cause).toMatchObject({ name: cause.name, message: cause.message });
    expect((error as { cause: { code?: unknown } }).cause.code).toBe((cause as { code?: unknown }).code);
  } else expect((error as ToolError).cause).toBe(cause);
}

describe('toToolCallError', () => {
  it('rethrows the abort reason of a cancelled run, whatever the SDK reported', () => {
    const controller = new AbortController();
    const reason = new Error('user stopped');
    controller.abort(reason);
    expect(
      toToolCallError(new SdkError(SdkErrorCode.RequestTimeout, 'Error: user stopped'), {
        ...failure,
        signal: controller.signal,
      }),
    ).toBe(reason);
  });

  it('reports a timeout with the time limit', () => {
    const error = new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: 1500 });
    expectToolError(
      toToolCallError(error, { ...failure, signal: new AbortController().signal }),
      'Tool "echo" of MCP server "everything" did not answer within 1500 ms.',
      error,
    );
  });

  it.each([SdkErrorCode.ConnectionClosed, SdkErrorCode.NotConnected])(
    'reports %s as the server closing the connection',
    (code) => {
      const error = new SdkError(code, 'Connection closed');
      expectToolError(
        toToolCallError(error, failure),
        'MCP server "everything" closed the connection while tool "echo" was running.',
        error,
      );
    },
  );

  it('passes on the message of a JSON-RPC error, which the server wrote', () => {
    const error = new ProtocolError(ProtocolErrorCode.InvalidParams, 'Unknown tool: echo');
    expectToolError(
      toToolCallError(error, failure),
      'MCP server "everything" rejected the call of tool "echo": Unknown tool: echo (JSON-RPC error -32602).',
      error,
    );
  });

  it('redacts secrets from a JSON-RPC error message and from every cause', () => {
    const secrets = ['Bearer token-123456', 'token-123456'];
    const rejected = toToolCallError(
      new ProtocolError(ProtocolErrorCode.InvalidRequest, 'token token-123456 is not allowed'),
      { ...failure, secrets },
    ) as ToolError;
    expect(rejected.message).toBe(
      'MCP server "everything" rejected the call of tool "echo": token [REDACTED] is not allowed (JSON-RPC error -32600).',
    );
    expect((rejected.cause as Error).message).toBe('token [REDACTED] is not allowed');
    const http = toToolCallError(
      new SdkHttpError(SdkErrorCode.ClientHttpAuthentication, 'Error POSTing: bad Bearer token-123456', {
        status: 401,
        text: 'bad Bearer token-123456',
      }),
      { ...failure, secrets },
    ) as ToolError;
    expect(http.message).toBe('MCP server "everything" answered the call of tool "echo" with HTTP status 401.');
    expect(http.cause).toMatchObject({
      message: 'Error POSTing: bad [REDACTED]',
      code: 'CLIENT_HTTP_AUTHENTICATION',
      status: 401,
    });
    expect(JSON.stringify(http.toJSON())).not.toContain('token-123456');
  });

  it('reports an HTTP status without the body or the URL', () => {
    const error = new SdkHttpError(
      SdkErrorCode.ClientHttpNotImplemented,
      'Error POSTing to endpoint https://host/mcp?key=secret: secret body',
      { status: 502 },
    );
    const mapped = toToolCallError(error, failure);
    expectToolError(mapped, 'MCP server "everything" answered the call of tool "echo" with HTTP status 502.', error);
  });

  it('names the code of other SDK errors', () => {
    const error = new SdkError(SdkErrorCode.InvalidResult, 'Invalid result: secret details');
    expectToolError(
      toToolCallError(error, failure),
      'Tool "echo" of MCP server "everything" failed (INVALID_RESULT).',
      error,
    );
  });

  it('reports a network failure without its details', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    expectToolError(
      toToolCallError(error, failure),
      'MCP server "everything" could not be reached to call tool "echo".',
      error,
    );
  });

  it('reports anything else without its details', () => {
    const error = new Error('internal secret');
    expectToolError(toToolCallError(error, failure), 'Tool "echo" of MCP server "everything" failed.', error);
    expectToolError(toToolCallError('a string', failure), 'Tool "echo" of MCP server "everything" failed.', 'a string');
  });
});
