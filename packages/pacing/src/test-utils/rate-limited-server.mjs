// A process serving a request rate limit as OpenAI and Anthropic enforce one — a bucket of `limit` requests refilled
// continuously, `limit` per `windowMs` — answering 429 with `retry-after-ms` when it is empty and reporting the limit in
// either provider's headers. Run apart from the client, as a provider is: `node rate-limited-server.mjs <limit>
// <windowMs> <openai|anthropic>` prints its URL; `GET /stats` answers the arrival times (ms since its start) of the
// requests it answered 200 and 429. Used by the pacing tests and the bench.
import { createServer } from 'node:http';
import { readJsonFixture } from '@rig-ts/fixtures';

const [limit, windowMs] = [Number(process.argv[2]), Number(process.argv[3])];
const style = process.argv[4];
const chatBody = JSON.stringify(readJsonFixture('openai/vercel-ai/openai-text.json'));
const anthropicBody = JSON.stringify(
  readJsonFixture('anthropic/pydantic-ai/test_anthropic_cache_real_api.0.response.json'),
);
const refillPerMs = limit / windowMs;
let level = limit;
let updatedAt = performance.now();
const startedAt = updatedAt;
const answered = [];
const limited = [];

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ answered, limited }));
      return;
    }
    const now = performance.now();
    level = Math.min(limit, level + (now - updatedAt) * refillPerMs);
    updatedAt = now;
    const allowed = level >= 1;
    if (allowed) level -= 1;
    const fullInMs = Math.ceil((limit - level) / refillPerMs);
    const headers =
      style === 'openai'
        ? {
            'x-ratelimit-limit-requests': String(limit),
            'x-ratelimit-remaining-requests': String(Math.floor(level)),
            'x-ratelimit-reset-requests': `${fullInMs}ms`,
          }
        : {
            'anthropic-ratelimit-requests-limit': String(limit),
            'anthropic-ratelimit-requests-remaining': String(Math.floor(level)),
            'anthropic-ratelimit-requests-reset': new Date(Date.now() + fullInMs).toISOString(),
          };
    if (!allowed) {
      limited.push(now - startedAt);
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after-ms': String(Math.ceil((1 - level) / refillPerMs)),
        ...headers,
      });
      response.end(
        style === 'openai'
          ? '{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}'
          : '{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}',
      );
      return;
    }
    answered.push(now - startedAt);
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    response.end(style === 'openai' ? chatBody : anthropicBody);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
