// A stdio MCP server written by hand (no SDK), for the hostile-server tests: it speaks the 2025 handshake and then
// answers `tools/list` and `tools/call` as the scenario in HOSTILE_SCENARIO says, wrong shapes and misbehaviour
// included. Every request it receives is recorded to the file named by FIXTURE_LOG (one JSON line each).
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const scenario = process.env.HOSTILE_SCENARIO ?? 'plain';
const logFile = process.env.FIXTURE_LOG;
function record(event) {
  if (logFile) appendFileSync(logFile, `${JSON.stringify(event)}\n`);
}

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const objectSchema = { type: 'object', properties: { text: { type: 'string' } } };
const echo = { name: 'echo', description: 'Echoes the text', inputSchema: objectSchema };

/** What `tools/list` answers, per scenario: a result, or undefined for no answer. */
function listResult(params) {
  switch (scenario) {
    case 'list-tools-not-array':
      return { tools: { echo } };
    case 'list-no-schema':
      return { tools: [echo, { name: 'broken' }] };
    case 'list-name-not-string':
      return { tools: [echo, { name: 42, inputSchema: objectSchema }] };
    case 'list-schema-array':
      return { tools: [{ name: 'arrayed', inputSchema: [objectSchema] }] };
    case 'list-schema-string':
      return { tools: [{ name: 'stringy', inputSchema: 'object' }] };
    case 'list-odd-names':
      return {
        tools: ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)].map((name) => ({
          name,
          description: `The tool ${name.slice(0, 20)}`,
          inputSchema: objectSchema,
        })),
      };
    case 'list-hostile-schemas':
      return {
        tools: [
          {
            name: 'remote-ref',
            inputSchema: { type: 'object', properties: { text: { $ref: 'http://127.0.0.1:9/schema.json' } } },
          },
          {
            name: 'recursive',
            inputSchema: {
              type: 'object',
              properties: { child: { $ref: '#' }, text: { type: 'string' } },
              required: ['text'],
            },
          },
        ],
      };
    case 'list-huge-schema':
      // About 6 MB of schema: 50,000 properties, the first one required.
      return {
        tools: [
          echo,
          {
            name: 'huge',
            inputSchema: {
              type: 'object',
              properties: Object.fromEntries(
                Array.from({ length: 50_000 }, (_, index) => [
                  `p${index}`,
                  { type: 'string', description: 'd'.repeat(100) },
                ]),
              ),
              required: ['p0'],
            },
          },
        ],
      };
    case 'list-cursor-loop':
      return { tools: [echo], nextCursor: 'again' };
    case 'list-cursor-grows':
      return { tools: [echo], nextCursor: `${params?.cursor ?? ''}${'x'.repeat(1000)}` };
    case 'list-never':
      return undefined;
    default:
      return { tools: [echo, ...CALL_SCENARIOS.map((name) => ({ name, inputSchema: { type: 'object' } }))] };
  }
}

/** The tools whose calls misbehave, each named after what it does. */
const CALL_SCENARIOS = [
  'content-not-array',
  'unknown-block',
  'bad-base64-image',
  'image-not-image',
  'is-error-string',
  'structured-not-object',
  'huge-text',
  'answer-twice',
  'flood',
  'garbage-after',
  'late',
  'echo-env',
  'error-env',
  'never',
];

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** What `tools/call` of `name` answers: a result to send, or a function that does the sending itself. */
function callResult(name, args, id) {
  switch (name) {
    case 'content-not-array':
      return { content: { type: 'text', text: 'not in an array' } };
    case 'unknown-block':
      return {
        content: [
          { type: 'hologram', frames: 3 },
          { type: 'text', text: 'after' },
        ],
      };
    case 'bad-base64-image':
      return { content: [{ type: 'image', data: '!!! not base64 ***', mimeType: 'image/png' }] };
    case 'image-not-image':
      return { content: [{ type: 'image', data: TINY_PNG, mimeType: 'text/html' }] };
    case 'is-error-string':
      return { content: [{ type: 'text', text: 'maybe failed' }], isError: 'yes' };
    case 'structured-not-object':
      return { content: [], structuredContent: [1, 2, 3] };
    case 'huge-text':
      return () => {
        // 20 MB of text in one line, twice the SDK's stdio read buffer.
        send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'a'.repeat(20 * 1024 * 1024) }] } });
      };
    case 'answer-twice':
      return () => {
        send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'first' }] } });
        send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'second' }] } });
      };
    case 'flood':
      return () => {
        const notification = `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })}\n`;
        process.stdout.write(notification.repeat(Number(args.count ?? 100_000)));
        send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'after the flood' }] } });
      };
    case 'garbage-after':
      return () => {
        send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'the answer' }] } });
        process.stdout.write('}{ not json at all\n{"jsonrpc":"2.0","id":999999,"result":{}}\n');
      };
    case 'late':
      return () => {
        setTimeout(() => send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'too late' }] } }), 300);
      };
    case 'echo-env':
      return { content: [{ type: 'text', text: `env: ${JSON.stringify(process.env)}` }] };
    case 'error-env':
      return () =>
        send({ jsonrpc: '2.0', id, error: { code: -32000, message: `failed with ${process.env.API_TOKEN}` } });
    case 'never':
      return () => undefined;
    default:
      return { content: [{ type: 'text', text: `echo: ${String(args.text)}` }] };
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (message.id === undefined) {
    record({ notification: message.method, params: message.params });
    return;
  }
  record({ method: message.method, params: message.params });
  switch (message.method) {
    case 'initialize':
      send({
        jsonrpc: '2.0',
        id: message.id,
        result: {
          protocolVersion: message.params.protocolVersion,
          capabilities: { tools: { listChanged: true } },
          serverInfo: { name: 'hostile', version: '1.0.0' },
        },
      });
      return;
    case 'tools/list': {
      const result = listResult(message.params);
      if (result !== undefined) send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    case 'tools/call': {
      const result = callResult(message.params.name, message.params.arguments ?? {}, message.id);
      if (typeof result === 'function') result();
      else send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    case 'ping':
      send({ jsonrpc: '2.0', id: message.id, result: {} });
      return;
    default:
      send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
});
