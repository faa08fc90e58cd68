import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatorFetch } from './create-simulator-fetch.js';
import { simulatedAnswer } from './answer-conversation.js';
import { simulatorBatchRoutes } from './simulator-batch-routes.js';
import { startSimulator, type Simulator } from './start-simulator.js';

let simulator: Simulator | undefined;
let clock = Date.UTC(2026, 0, 1);
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(options: { batchDelayMs?: number } = {}) {
  clock = Date.UTC(2026, 0, 1);
  simulator = await startSimulator({ now: () => clock, ...options });
  return simulator;
}

async function call(method: string, url: string, body?: unknown, headers: { [name: string]: string } = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body instanceof FormData || body instanceof Blob) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as { [name: string]: string })['content-type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as any };
}

const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as any);

describe('the OpenAI Batch and Files APIs', () => {
  async function submit(lines: object[], headers: { [name: string]: string } = {}, endpoint = '/v1/chat/completions') {
    const sim = await start();
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append(
      'file',
      new Blob([lines.map((line) => JSON.stringify(line)).join('\n') + '\n'], { type: 'application/jsonl' }),
      'batch.jsonl',
    );
    const file = await call('POST', `${sim.baseURLs.openai}/files`, form, { authorization: 'Bearer sk' });
    const batch = await call(
      'POST',
      `${sim.baseURLs.openai}/batches`,
      { input_file_id: file.json.id, endpoint, completion_window: '24h', metadata: { run: 'sim' } },
      { authorization: 'Bearer sk', ...headers },
    );
    return { sim, file, batch };
  }
  const line = (id: string, text: string) => ({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] },
  });

  it('takes the upload, runs the batch through its statuses over the delay, and writes the output and error files', async () => {
    const { sim, file, batch } = await submit([line('q1', 'hello'), line('q2', 'fail me'), line('q3', 'world')], {
      'x-sim-batch-fail': 'q2',
    });
    expect(file.json).toMatchObject({ object: 'file', purpose: 'batch', filename: 'batch.jsonl', status: 'processed' });
    expect(batch.json).toMatchObject({
      object: 'batch',
      endpoint: '/v1/chat/completions',
      status: 'validating',
      completion_window: '24h',
      input_file_id: file.json.id,
      metadata: { run: 'sim' },
      request_counts: { total: 0, completed: 0, failed: 0 },
    });
    const poll = async () => (await call('GET', `${sim.baseURLs.openai}/batches/${batch.json.id}`)).json;
    const seen: string[] = [];
    for (const at of [50, 500, 950, 1000]) {
      clock = Date.UTC(2026, 0, 1) + at;
      const current = await poll();
      seen.push(`${current.status} ${current.request_counts.completed}/${current.request_counts.total}`);
    }
    expect(seen).toEqual(['validating 0/0', 'in_progress 1/3', 'finalizing 2/3', 'completed 2/3']);
    const ended = await poll();
    expect(ended).toMatchObject({
      status: 'completed',
      request_counts: { total: 3, completed: 2, failed: 1 },
      completed_at: expect.any(Number),
    });
    const output = jsonl((await call('GET', `${sim.baseURLs.openai}/files/${ended.output_file_id}/content`)).text);
    expect(
      output.map((entry) => [
        entry.custom_id,
        entry.response.status_code,
        entry.response.body.choices[0].message.content,
        entry.error,
      ]),
    ).toEqual([
      ['q1', 200, simulatedAnswer('hello'), null],
      ['q3', 200, simulatedAnswer('world'), null],
    ]);
    expect(output[0].id).toMatch(/^batch_req_/);
    const errors = jsonl((await call('GET', `${sim.baseURLs.openai}/files/${ended.error_file_id}/content`)).text);
    expect(errors).toEqual([
      {
        id: expect.stringMatching(/^batch_req_/),
        custom_id: 'q2',
        response: {
          status_code: 500,
          request_id: expect.any(String),
          body: {
            error: {
              message: 'The server had an error while processing your request (x-sim-batch-fail).',
              type: 'server_error',
              param: null,
              code: null,
            },
          },
        },
        error: null,
      },
    ]);
    expect(sim.requests.map((request) => `${request.method} ${request.url}`).slice(0, 3)).toEqual([
      'POST /v1/files',
      'POST /v1/batches',
      `GET /v1/batches/${batch.json.id}`,
    ]);
  });

  it('expires, fails, and cancels on request', async () => {
    const expired = await submit([line('a', 'x'), line('b', 'y')], { 'x-sim-batch-outcome': 'expired' });
    clock += 1000;
    const ended = (await call('GET', `${expired.sim.baseURLs.openai}/batches/${expired.batch.json.id}`)).json;
    expect([ended.status, ended.output_file_id, ended.request_counts]).toEqual([
      'expired',
      null,
      { total: 2, completed: 0, failed: 2 },
    ]);
    expect(
      jsonl((await call('GET', `${expired.sim.baseURLs.openai}/files/${ended.error_file_id}/content`)).text).map(
        (entry) => [entry.custom_id, entry.response, entry.error.code],
      ),
    ).toEqual([
      ['a', null, 'batch_expired'],
      ['b', null, 'batch_expired'],
    ]);
    await expired.sim.close();

    const failed = await submit([line('a', 'x'), line('a', 'duplicate')]);
    clock += 200;
    expect((await call('GET', `${failed.sim.baseURLs.openai}/batches/${failed.batch.json.id}`)).json).toMatchObject({
      status: 'failed',
      errors: { object: 'list', data: [{ code: 'duplicate_custom_id', line: 2 }] },
    });
    await failed.sim.close();

    const cancelled = await submit([line('a', 'x'), line('b', 'y'), line('c', 'z'), line('d', 'w')]);
    clock += 500;
    const cancelling = await call('POST', `${cancelled.sim.baseURLs.openai}/batches/${cancelled.batch.json.id}/cancel`);
    expect(cancelling.json).toMatchObject({ status: 'cancelling', cancelling_at: expect.any(Number) });
    clock += 100;
    const done = (await call('GET', `${cancelled.sim.baseURLs.openai}/batches/${cancelled.batch.json.id}`)).json;
    expect([done.status, done.request_counts]).toEqual(['cancelled', { total: 4, completed: 2, failed: 2 }]);
    expect(
      jsonl((await call('GET', `${cancelled.sim.baseURLs.openai}/files/${done.output_file_id}/content`)).text).map(
        (entry) => entry.custom_id,
      ),
    ).toEqual(['a', 'b']);
    expect(
      (await call('POST', `${cancelled.sim.baseURLs.openai}/batches/${cancelled.batch.json.id}/cancel`)).status,
    ).toBe(400);
  });

  it('refuses what the API refuses', async () => {
    const sim = await start();
    expect((await call('POST', `${sim.baseURLs.openai}/files`, { purpose: 'batch' })).status).toBe(400);
    expect(
      (
        await call('POST', `${sim.baseURLs.openai}/batches`, {
          input_file_id: 'file-nope',
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', `${sim.baseURLs.openai}/batches/batch_nope`)).json).toMatchObject({
      error: { message: "No batch found with id 'batch_nope'." },
    });
    expect(
      (
        await call(
          'POST',
          `${sim.baseURLs.openai}/batches`,
          { input_file_id: 'x', endpoint: '/v1/chat/completions', completion_window: '24h' },
          { 'x-sim-batch-delay-ms': 'soon' },
        )
      ).status,
    ).toBe(400);
  });
});

describe('Anthropic Message Batches', () => {
  const request = (id: string, text: string, model = 'claude-sonnet-4-5') => ({
    custom_id: id,
    params: { model, max_tokens: 100, messages: [{ role: 'user', content: text }] },
  });
  const headers = { 'x-api-key': 'sk-ant', 'anthropic-version': '2023-06-01' };

  it('runs a batch: in_progress with processing counts, then ended with results at results_url', async () => {
    const sim = await start({ batchDelayMs: 2000 });
    const created = await call(
      'POST',
      `${sim.baseURLs.anthropic}/messages/batches`,
      { requests: [request('a', 'hello'), request('b', 'world'), request('c', 'boom')] },
      { ...headers, 'x-sim-batch-fail': 'c' },
    );
    expect(created.json).toMatchObject({
      id: expect.stringMatching(/^msgbatch_/),
      type: 'message_batch',
      processing_status: 'in_progress',
      request_counts: { processing: 3, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      results_url: null,
      ended_at: null,
    });
    clock += 2000;
    const ended = (
      await call('GET', `${sim.baseURLs.anthropic}/messages/batches/${created.json.id}`, undefined, headers)
    ).json;
    expect(ended).toMatchObject({
      processing_status: 'ended',
      request_counts: { processing: 0, succeeded: 2, errored: 1 },
      results_url: `${sim.url}/v1/messages/batches/${created.json.id}/results`,
    });
    const results = await call('GET', ended.results_url, undefined, headers);
    expect(results.headers.get('content-type')).toBe('application/binary');
    expect(
      jsonl(results.text).map((line) => [
        line.custom_id,
        line.result.type,
        line.result.message?.content[0].text ?? line.result.error.error.type,
      ]),
    ).toEqual([
      ['a', 'succeeded', simulatedAnswer('hello')],
      ['b', 'succeeded', simulatedAnswer('world')],
      ['c', 'errored', 'api_error'],
    ]);
    expect(ended.request_counts).toEqual({ processing: 0, succeeded: 2, errored: 1, canceled: 0, expired: 0 });
  });

  it('cancels, expires, and refuses bad custom ids and a missing anthropic-version', async () => {
    const sim = await start();
    const created = (
      await call(
        'POST',
        `${sim.baseURLs.anthropic}/messages/batches`,
        { requests: [request('a', 'x'), request('b', 'y')] },
        headers,
      )
    ).json;
    clock += 100;
    expect(
      (await call('POST', `${sim.baseURLs.anthropic}/messages/batches/${created.id}/cancel`, undefined, headers)).json,
    ).toMatchObject({ processing_status: 'canceling', cancel_initiated_at: expect.any(String) });
    clock += 100;
    const ended = (await call('GET', `${sim.baseURLs.anthropic}/messages/batches/${created.id}`, undefined, headers))
      .json;
    expect([ended.processing_status, ended.request_counts]).toEqual([
      'ended',
      { processing: 0, succeeded: 0, errored: 0, canceled: 2, expired: 0 },
    ]);
    const expired = (
      await call(
        'POST',
        `${sim.baseURLs.anthropic}/messages/batches`,
        { requests: [request('a', 'x')] },
        { ...headers, 'x-sim-batch-outcome': 'expired' },
      )
    ).json;
    clock += 1000;
    expect(
      (await call('GET', `${sim.baseURLs.anthropic}/messages/batches/${expired.id}`, undefined, headers)).json
        .request_counts,
    ).toEqual({ processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 1 });
    expect(
      (
        await call(
          'POST',
          `${sim.baseURLs.anthropic}/messages/batches`,
          { requests: [request('bad id', 'x')] },
          headers,
        )
      ).json,
    ).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: "requests.0.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'",
      },
    });
    expect(
      (
        await call(
          'POST',
          `${sim.baseURLs.anthropic}/messages/batches`,
          { requests: [request('a', 'x'), request('a', 'y')] },
          headers,
        )
      ).status,
    ).toBe(400);
    expect((await call('GET', `${sim.baseURLs.anthropic}/messages/batches/${created.id}`)).status).toBe(400);
  });
});

describe('the Gemini Batch API', () => {
  const contents = (text: string) => ({ contents: [{ role: 'user', parts: [{ text }] }] });
  const headers = { 'x-goog-api-key': 'gm' };

  it('runs an inline batch: PENDING, RUNNING, SUCCEEDED with inline responses in input order and their keys echoed', async () => {
    const sim = await start();
    const created = await call(
      'POST',
      `${sim.baseURLs.gemini}/models/gemini-2.5-flash:batchGenerateContent`,
      {
        batch: {
          displayName: 'sim',
          inputConfig: {
            requests: {
              requests: [
                { request: contents('one'), metadata: { key: 'k1' } },
                { request: contents('two'), metadata: { key: 'k2' } },
              ],
            },
          },
        },
      },
      { ...headers, 'x-sim-batch-fail': 'k2' },
    );
    expect(created.json).toMatchObject({
      name: expect.stringMatching(/^batches\/[a-z0-9]+$/),
      metadata: {
        state: 'BATCH_STATE_PENDING',
        batchStats: { requestCount: '2', pendingRequestCount: '2' },
        model: 'models/gemini-2.5-flash',
        displayName: 'sim',
      },
    });
    clock += 500;
    expect(
      (await call('GET', `${sim.baseURLs.gemini}/${created.json.name}`, undefined, headers)).json.metadata.state,
    ).toBe('BATCH_STATE_RUNNING');
    clock += 500;
    const ended = (await call('GET', `${sim.baseURLs.gemini}/${created.json.name}`, undefined, headers)).json;
    expect(ended).toMatchObject({
      done: true,
      metadata: {
        state: 'BATCH_STATE_SUCCEEDED',
        batchStats: { requestCount: '2', successfulRequestCount: '1', failedRequestCount: '1' },
      },
    });
    const inlined = ended.response.inlinedResponses.inlinedResponses;
    expect(
      inlined.map((entry: any) => [
        entry.metadata.key,
        entry.response?.candidates[0].content.parts[0].text ?? entry.error.status,
      ]),
    ).toEqual([
      ['k1', simulatedAnswer('one')],
      ['k2', 'INTERNAL'],
    ]);
  });

  it('takes a resumable upload, runs a file batch, and serves its results file; cancels and expires', async () => {
    const sim = await start();
    const content = `${JSON.stringify({ key: 'r1', request: contents('from a file') })}\n`;
    const begin = await call(
      'POST',
      `${sim.url}/upload/v1beta/files`,
      { file: { displayName: 'input' } },
      {
        ...headers,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': String(content.length),
        'x-goog-upload-header-content-type': 'application/jsonl',
      },
    );
    const uploadURL = begin.headers.get('x-goog-upload-url')!;
    expect(uploadURL).toMatch(new RegExp(`^${sim.url}/upload/v1beta/files\\?upload_id=`));
    const uploaded = await call('POST', uploadURL, new Blob([content], { type: 'application/jsonl' }), {
      ...headers,
      'x-goog-upload-command': 'upload, finalize',
      'x-goog-upload-offset': '0',
    });
    expect(uploaded.json.file).toMatchObject({
      name: expect.stringMatching(/^files\//),
      state: 'ACTIVE',
      sizeBytes: String(content.length),
    });
    const created = (
      await call(
        'POST',
        `${sim.baseURLs.gemini}/models/gemini-2.5-flash:batchGenerateContent`,
        { batch: { displayName: 'file', inputConfig: { fileName: uploaded.json.file.name } } },
        headers,
      )
    ).json;
    clock += 1000;
    const ended = (await call('GET', `${sim.baseURLs.gemini}/${created.name}`, undefined, headers)).json;
    expect(ended.response.responsesFile).toMatch(/^files\//);
    const results = jsonl(
      (
        await call(
          'GET',
          `${sim.url}/download/v1beta/${ended.response.responsesFile}:download?alt=media`,
          undefined,
          headers,
        )
      ).text,
    );
    expect(results.map((line) => [line.key, line.response.candidates[0].content.parts[0].text])).toEqual([
      ['r1', simulatedAnswer('from a file')],
    ]);

    const running = (
      await call(
        'POST',
        `${sim.baseURLs.gemini}/models/gemini-2.5-flash:batchGenerateContent`,
        { batch: { displayName: 'c', inputConfig: { requests: { requests: [{ request: contents('x') }] } } } },
        headers,
      )
    ).json;
    expect((await call('POST', `${sim.baseURLs.gemini}/${running.name}:cancel`, undefined, headers)).json).toEqual({});
    clock += 100;
    expect((await call('GET', `${sim.baseURLs.gemini}/${running.name}`, undefined, headers)).json).toMatchObject({
      done: true,
      error: { code: 1 },
      metadata: { state: 'BATCH_STATE_CANCELLED' },
    });
    const expiring = (
      await call(
        'POST',
        `${sim.baseURLs.gemini}/models/gemini-2.5-flash:batchGenerateContent`,
        { batch: { displayName: 'e', inputConfig: { requests: { requests: [{ request: contents('x') }] } } } },
        { ...headers, 'x-sim-batch-outcome': 'expired' },
      )
    ).json;
    clock += 1000;
    const expired = (await call('GET', `${sim.baseURLs.gemini}/${expiring.name}`, undefined, headers)).json;
    expect([expired.metadata.state, expired.done, expired.response]).toEqual(['BATCH_STATE_EXPIRED', true, undefined]);
    expect(
      (
        await call(
          'POST',
          `${sim.baseURLs.gemini}/models/gemini-2.5-flash:batchGenerateContent`,
          { batch: { inputConfig: {} } },
          headers,
        )
      ).status,
    ).toBe(400);
  });
});

describe('the batch routes in process and across a reset', () => {
  it('are left out of createSimulatorFetch unless asked for, and reset() forgets every batch', async () => {
    const without = createSimulatorFetch();
    expect(
      (
        await without(`${without.baseURLs.anthropic}/messages/batches`, {
          method: 'POST',
          headers: { 'anthropic-version': '2023-06-01' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
    const withBatches = createSimulatorFetch({ routes: simulatorBatchRoutes, batchDelayMs: 0 });
    const body = JSON.stringify({
      requests: [
        {
          custom_id: 'a',
          params: { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
        },
      ],
    });
    const created = await (
      await withBatches(`${withBatches.baseURLs.anthropic}/messages/batches`, {
        method: 'POST',
        headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
        body,
      })
    ).json();
    expect(created).toMatchObject({
      processing_status: 'ended',
      results_url: `${withBatches.url}/v1/messages/batches/${created.id}/results`,
    });
    expect(withBatches.requests.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/v1/messages/batches', JSON.parse(body)],
    ]);
    withBatches.reset();
    expect(withBatches.requests).toEqual([]);
    expect(
      (
        await withBatches(`${withBatches.baseURLs.anthropic}/messages/batches/${created.id}`, {
          headers: { 'anthropic-version': '2023-06-01' },
        })
      ).status,
    ).toBe(404);
  });
});
