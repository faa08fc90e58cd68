import { readJsonFixture } from '@rig-ts/fixtures';
import { collectBatchResults } from '@rig-ts/provider-tests';
import { afterEach, expect, it } from 'vitest';
import * as openai from '../index.js';
import { submitBatch } from '../batch.js';
import { startOpenAIBatchServer, type OpenAIBatchServer } from './test-utils/openai-batch-server.js';

const responsesBody = readJsonFixture('openai-responses/pydantic-ai/test_openai_responses_model_retry.1.response.json');

let server: OpenAIBatchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const line = (id: string) =>
  JSON.stringify({
    id: `batch_req_${id}`,
    custom_id: id,
    response: { status_code: 200, request_id: `req_${id}`, body: responsesBody },
    error: null,
  });

it('a completed batch whose results file is held open after its last line: every result, then the download is let go', async () => {
  server = await startOpenAIBatchServer();
  const client = new openai.Client({ apiKey: 'sk-batch', baseURL: `${server.url}/v1` });
  const model = client.completionModel('gpt-4o');
  const job = await submitBatch(model, [
    { id: 'q1', request: model.completionRequest('one').build() },
    { id: 'q2', request: model.completionRequest('two').build() },
  ]);
  server.progress.push({
    status: 'completed',
    output_file_id: 'file-out',
    request_counts: { total: 2, completed: 2, failed: 0 },
  });
  server.files.set('file-out', {
    filename: 'out.jsonl',
    purpose: 'batch_output',
    type: '',
    content: `${line('q1')}\n${line('q2')}\n`,
    holdOpen: true,
  });
  await job.wait({ pollIntervalMs: 100 });
  expect(server.server.closedSockets).toBe(0);
  const collected = await Promise.race([
    collectBatchResults(job.results()),
    new Promise((resolve) => setTimeout(resolve, 3000, 'still reading after 3 s')),
  ]);
  expect(collected).toMatchObject({
    results: [
      { ok: true, id: 'q1' },
      { ok: true, id: 'q2' },
    ],
    error: undefined,
  });
  // The download's connection is closed (the others stay in the client's keep-alive pool).
  await expect.poll(() => server!.server.closedSockets).toBeGreaterThan(0);
});
