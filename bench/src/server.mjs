// The loopback provider server, run in its own process: `node server.mjs` prints its port, then serves.
import { createServer } from 'node:http';
import { openAIChatStreamEvents } from './payloads.mjs';

const cache = new Map();
function cached(key, build) {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = build()));
  return value;
}

// Writes each event as its own chunk, a batch per event-loop turn, waiting for the socket when it is full: the
// client sees the first delta at once and the rest as fast as it can read, like a fast real server.
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

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const url = new URL(request.url, 'http://x');
    const count = Number(request.headers['x-bench-count'] ?? url.searchParams.get('n') ?? 20000);
    if (url.pathname.endsWith('/chat/completions')) {
      const events = cached(`chat-${count}`, () => openAIChatStreamEvents(count).map((event) => Buffer.from(event)));
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      writeStreamed(response, events);
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":{"message":"no route"}}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
