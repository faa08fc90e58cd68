// The loopback provider server, run in its own process: `node server.mjs` prints its port, then serves
// OpenAI Chat Completions (`/v1/chat/completions`) and Anthropic Messages (`/v1/messages`), streamed and not.
// The model name chooses the payload: `bench-text-<deltas>`, `bench-tool-<fragments>`, `bench-anthropic-<deltas>`.
import { createServer } from 'node:http';
import { anthropicStreamEvents, openAIChatBody, openAIChatStreamEvents, openAIToolStreamEvents } from './payloads.mjs';

const cache = new Map();
function cached(key, build) {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = build().map((event) => Buffer.from(event))));
  return value;
}

// Writes each event as its own chunk, a batch per event-loop turn, waiting for the socket when it is full: the
// client sees the first delta at once and the rest as fast as it reads, like a fast real server.
function writeStreamed(response, events, batch = 64) {
  let index = 0;
  const next = () => {
    const end = Math.min(events.length, index + batch);
    let writable = true;
    while (index < end) writable = response.write(events[index++]);
    if (index >= events.length) response.end();
    else if (writable) setImmediate(next);
    else response.once('drain', next);
  };
  next();
}

const chatBody = Buffer.from(openAIChatBody);
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = {};
    }
    const [, scenario = 'text', countText = '20000'] = /^bench-(\w+)-(\d+)$/.exec(body.model ?? '') ?? [];
    const count = Number(countText);
    const path = request.url.split('?')[0];
    if (path.endsWith('/chat/completions')) {
      if (!body.stream) {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': chatBody.length,
          'x-request-id': 'req_bench',
        });
        response.end(chatBody);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      writeStreamed(
        response,
        scenario === 'tool'
          ? cached(`tool-${count}`, () => openAIToolStreamEvents(count))
          : cached(`chat-${count}`, () => openAIChatStreamEvents(count)),
      );
      return;
    }
    if (path.endsWith('/messages')) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'request-id': 'req_bench',
      });
      writeStreamed(
        response,
        cached(`anthropic-${count}`, () => anthropicStreamEvents(count)),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":{"message":"no route"}}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
