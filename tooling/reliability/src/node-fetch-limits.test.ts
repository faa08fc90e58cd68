import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMatrixCell } from './check-matrix-cell.js';
import { matrixCells } from './fault-matrix.js';
import { PROVIDERS } from './providers.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { startFaultServer } from './test-utils/fault-server.js';
import { useReferences } from './test-utils/use-references.js';
import { GLOBAL_DISPATCHER_ROW, NODE_LIMIT_MS, TRANSPORT_FAULT_MATRIX } from './transport-fault-matrix.js';

// Node's fetch cuts a call after 300 s without headers and after 300 s of a silent body. This file (a process of its
// own) cuts those limits to 300 ms for every fetch in the process, and checks that a call slower than that still gets
// its answer in one request: rig-ts's own timeoutMs and idleTimeoutMs are the limits, not Node's.
expectNoUnhandledRejections();
const references = useReferences();
let original: Dispatcher;
beforeAll(() => {
  original = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ headersTimeout: NODE_LIMIT_MS, bodyTimeout: NODE_LIMIT_MS }));
});
afterAll(() => setGlobalDispatcher(original));

describe('Node’s own fetch limits follow the call’s timeouts', () => {
  it('the shortened limits are real: a plain fetch whose headers come after 2 s is cut', async () => {
    const server = await startFaultServer((_request, response) => {
      setTimeout(() => response.writeHead(200).end('late'), 2_000);
    });
    try {
      const error = await fetch(server.url, { method: 'POST', body: '{}' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect((error as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    } finally {
      await server.close();
    }
  });

  it.concurrent.each(
    matrixCells(PROVIDERS, TRANSPORT_FAULT_MATRIX).filter((cell) => cell.row.id === GLOBAL_DISPATCHER_ROW),
  )('$name', (cell) => checkMatrixCell(cell, references), 30_000);
});
