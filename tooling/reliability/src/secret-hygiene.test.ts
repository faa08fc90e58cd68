import { AgentBuilder, rawResponseLogger, usageTracker, type AgentHook, type RawResponseLogEntry } from '@rig-ts/agent';
import type { CompletionModel, StreamedAssistantContent } from '@rig-ts/core';
import { recordingFetch } from '@rig-ts/testkit/cassette';
import { describe, expect, it } from 'vitest';
import { MATRIX_SETTINGS, matrixCells, type MatrixCell } from './fault-matrix.js';
import { PROVIDERS, type CallMode, type ProviderUnderTest, type Wire } from './providers.js';
import { emptyCallResult, runFaultCell, type CallContext, type CallResult } from './run-fault-cell.js';
import { CANARY_KEY, canarySightings } from './test-utils/canary.js';
import { expectNoUnhandledRejections } from './test-utils/expect-no-unhandled-rejections.js';
import { startFaultServer } from './test-utils/fault-server.js';
import { seededRandom, seedOf } from './test-utils/seeded-random.js';

expectNoUnhandledRejections();

/** Everything an agent run hands to its hooks and its logs. */
interface Capture {
  hookPayloads: unknown[];
  logged: RawResponseLogEntry[];
  usage: ReturnType<typeof usageTracker>;
}

/** A hook that keeps every payload it is given. */
function tap(capture: Capture): AgentHook {
  return {
    beforeCompletion: (event) => void capture.hookPayloads.push({ hook: 'beforeCompletion', event }),
    afterCompletion: (event) => void capture.hookPayloads.push({ hook: 'afterCompletion', event }),
    beforeToolCall: (event) => void capture.hookPayloads.push({ hook: 'beforeToolCall', event }),
    afterToolResult: (event) => void capture.hookPayloads.push({ hook: 'afterToolResult', event }),
    onStreamItem: (event) => void capture.hookPayloads.push({ hook: 'onStreamItem', event }),
  };
}

/** The call of a cell made through an agent with a raw-response logger, a usage tracker and a hook that keeps everything. */
function agentCall(capture: Capture) {
  return async (context: CallContext): Promise<CallResult> => {
    const model = context.provider.model(context.root, context.settings);
    const agent = new AgentBuilder(model)
      .hook(rawResponseLogger((entry) => capture.logged.push(entry)))
      .hook(capture.usage)
      .hook(tap(capture))
      .build();
    const options = { headers: context.headers, signal: context.signal };
    const result = emptyCallResult();
    if (context.mode === 'completion') {
      try {
        await agent.prompt(context.prompt, options);
      } catch (error) {
        result.error = error;
      }
      return result;
    }
    const items: StreamedAssistantContent[] = [];
    try {
      const stream = await agent.streamPrompt(context.prompt, options);
      for await (const item of stream) items.push(item);
      result.response = await stream.final;
    } catch (error) {
      result.error = error;
    }
    result.items = items;
    return result;
  };
}

async function checkCell(cell: MatrixCell): Promise<void> {
  const abort = cell.row.abort;
  const random = seededRandom(seedOf(`secret ${cell.name}`));
  for (let point = 0; point < (abort?.points ?? 1); point++) {
    const capture: Capture = { hookPayloads: [], logged: [], usage: usageTracker() };
    // Recorded with the default redaction only: no `secrets` list.
    const recorder = recordingFetch();
    const observation = await runFaultCell(cell.row, cell.provider, cell.mode, {
      apiKey: CANARY_KEY,
      fetch: recorder,
      call: agentCall(capture),
      // The key is what matters here, not the size: huge bodies are 1 MB in this pass.
      hugeBytes: 1024 * 1024,
      ...(abort ? { abortAtMs: Math.round(abort.fromMs + random() * (abort.toMs - abort.fromMs)) } : {}),
    });
    // The key went out on every request…
    expect(observation.credentials).toEqual(Array.from({ length: observation.attempts }, () => CANARY_KEY));
    expect(recorder.cassette.interactions.length).toBeGreaterThanOrEqual(observation.attempts);
    // …and comes back nowhere.
    expect(canarySightings(observation.error), 'error').toEqual([]);
    expect(canarySightings(observation.items), 'stream items').toEqual([]);
    expect(canarySightings(observation.response), 'response').toEqual([]);
    expect(canarySightings(capture.hookPayloads), 'hook payloads').toEqual([]);
    expect(canarySightings(capture.logged), 'logged raw responses').toEqual([]);
    expect(canarySightings([...capture.usage.byModel]), 'usage tracker').toEqual([]);
    expect(canarySightings(recorder.cassette), 'cassette').toEqual([]);
    // The run reached the hooks and the recorder (a check that checks something).
    if (observation.error === undefined) {
      expect(capture.logged).toHaveLength(1);
      expect(capture.hookPayloads.length).toBeGreaterThan(1);
    }
  }
}

describe('secret hygiene: the canary key through the whole fault matrix, by an agent with hooks, logged and recorded', () => {
  it.concurrent.each(matrixCells(PROVIDERS))('$name', checkCell, 30_000);
});

/**
 * Runs `use` with a model of `provider` (the canary key, the matrix's settings, no retries) whose server answers every
 * request with `answer`.
 */
async function withCannedAnswer(
  provider: ProviderUnderTest,
  answer: { status: number; contentType: string; body: string },
  use: (model: CompletionModel) => Promise<void>,
): Promise<void> {
  const server = await startFaultServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': answer.contentType });
    response.end(answer.body);
  });
  try {
    await use(provider.model(server.url, { ...MATRIX_SETTINGS, apiKey: CANARY_KEY, maxRetries: 0 }));
  } finally {
    await server.close();
  }
}

/** The places where rig-ts cuts what a server sent: a key straddling the cut must not survive in part. */
const CUTS = [
  { name: 'the 300 characters of an HTTP error message', status: 500, contentType: 'text/plain', at: 300 },
  { name: 'the 64 KiB kept of an HTTP error body', status: 500, contentType: 'text/plain', at: 65_536 },
  { name: 'the 200 characters of a not-JSON message', status: 200, contentType: 'application/json', at: 200 },
  { name: 'the 64 KiB kept of a not-JSON body', status: 200, contentType: 'application/json', at: 65_536 },
  { name: 'the 200 characters of an unexpected stream body', status: 200, contentType: 'text/plain', at: 200 },
  { name: 'the 64 KiB kept of an unexpected stream body', status: 200, contentType: 'text/plain', at: 65_536 },
] as const;

describe('secret hygiene: a key echoed across the point where an error cuts the body', () => {
  const cases = CUTS.flatMap((cut) =>
    PROVIDERS.flatMap((provider) =>
      (['completion', 'stream'] as CallMode[]).map((mode) => ({
        name: `${cut.name} · ${provider.id} · ${mode}`,
        cut,
        provider,
        mode,
      })),
    ),
  );
  it.concurrent.each(cases)('$name', async ({ cut, provider, mode }) => {
    // The key starts 40 characters before the cut: its first 40 characters are inside, the rest outside.
    const body = `${'a'.repeat(cut.at - 40)}${CANARY_KEY}${'b'.repeat(100_000)}`;
    await withCannedAnswer(provider, { status: cut.status, contentType: cut.contentType, body }, async (model) => {
      const request = model.completionRequest('hello world').build();
      const error = await (
        mode === 'completion' ? model.completion(request) : model.stream(request).then((stream) => stream.final)
      ).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, 'the call fails').toBeInstanceOf(Error);
      expect(canarySightings(error)).toEqual([]);
    });
  });
});

/** An error event in each wire format that repeats the key, as a misbehaving server or proxy might. */
const ECHOING_ERROR_EVENT: Readonly<Record<Wire, (key: string) => string>> = {
  'openai-responses': (key) =>
    `event: error\ndata: ${JSON.stringify({ type: 'error', code: 'invalid_api_key', message: `Incorrect API key provided: ${key}`, param: null, sequence_number: 0 })}\n\n`,
  'openai-chat': (key) =>
    `data: ${JSON.stringify({ error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error', code: 'invalid_api_key' } })}\n\n`,
  anthropic: (key) =>
    `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${key}` } })}\n\n`,
  gemini: (key) =>
    `data: ${JSON.stringify({ error: { code: 400, message: `API key not valid: ${key}`, status: 'INVALID_ARGUMENT' } })}\n\n`,
  ollama: (key) => `${JSON.stringify({ error: `unauthorized key ${key}` })}\n`,
};

/** A frame that is not JSON and quotes the key across the 200 characters an error keeps of it. */
function echoingMalformedFrame(wire: Wire, key: string): string {
  const data = `{"x":"${'y'.repeat(200 - 6 - 30)}${key}"`;
  return wire === 'ollama' ? `${data}\n` : `data: ${data}\n\n`;
}

describe('secret hygiene: a key echoed inside a stream', () => {
  const cases = PROVIDERS.flatMap((provider) => [
    { name: `an error event · ${provider.id}`, provider, body: ECHOING_ERROR_EVENT[provider.wire], kind: 'provider' },
    {
      name: `a malformed frame · ${provider.id}`,
      provider,
      body: (key: string) => echoingMalformedFrame(provider.wire, key),
      kind: 'response',
    },
  ]);
  it.concurrent.each(cases)('$name', async ({ provider, body, kind }) => {
    const contentType = provider.wire === 'ollama' ? 'application/x-ndjson' : 'text/event-stream';
    await withCannedAnswer(provider, { status: 200, contentType, body: body(CANARY_KEY) }, async (model) => {
      const stream = await model.stream(model.completionRequest('hello world').build());
      const error = await stream.final.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ kind });
      expect(canarySightings(error)).toEqual([]);
    });
  });
});
