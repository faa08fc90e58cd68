import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { checkMatrixCell } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { startFaultServer } from './test-utils/fault-server.js';
import { useReferences } from './test-utils/use-references.js';
import { GLOBAL_DISPATCHER_ROW, TRANSPORT_FAULT_MATRIX } from './transport-fault-matrix.js';

expectNoUnhandledRejections();

const references = useReferences();

describe('the transport’s faults (Node’s global dispatcher row in node-fetch-limits.test.ts)', () => {
  it.concurrent.each(
    matrixCells(PROVIDERS, TRANSPORT_FAULT_MATRIX).filter((cell) => cell.row.id !== GLOBAL_DISPATCHER_ROW),
  )('$name', (cell) => checkMatrixCell(cell, references), 30_000);
});

describe('a placeholder key (local servers take any) leaves the server’s words as they are', () => {
  const cases = ['x', 'e', 'key', 'sk-local'].flatMap((apiKey) =>
    PROVIDERS.map((provider) => ({ name: `${apiKey} · ${provider.id}`, apiKey, provider })),
  );
  it.concurrent.each(cases)('$name', async ({ apiKey, provider }) => {
    const words = `error: invalid API key provided: ${apiKey} (the key must be a real one)`;
    const server = await startFaultServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': `req_error_${apiKey}` });
      response.end(JSON.stringify({ error: { message: words, type: 'invalid_request_error' } }));
    });
    try {
      const model = provider.model(server.url, {
        apiKey,
        maxRetries: 0,
        timeoutMs: 10_000,
        idleTimeoutMs: 5_000,
        maxRetryDelayMs: 60_000,
      });
      const error = await model.completion(model.completionRequest('hello world').build()).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'http',
        status: 401,
        requestId: `req_error_${apiKey}`,
        message: `${provider.name} returned HTTP 401 Unauthorized for POST ${server.url}${provider.path('completion')}: ${words}`,
      });
    } finally {
      await server.close();
    }
  });
});
