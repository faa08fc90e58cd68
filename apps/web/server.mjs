// Server mode of the sample: the page talks to this server's /api/chat, and only this server holds a provider key.
// It serves the built page (dist/) and streams each answer with pipeToNodeResponse. By default the model is the
// provider simulator; set OPENAI_API_KEY (and RIG_WEB_MODEL) to stream from OpenAI instead.
//   node server.mjs [--port 8080] [--sim http://127.0.0.1:8787]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@rig-ts/openai';
import { pipeToNodeResponse, streamFromItems } from 'rig-ts';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const MAX_BODY = 65_536;

/** The model /api/chat streams from: OpenAI with the server's key when there is one, else the simulator. */
function chatModel(modelId, simulatorURL) {
  const apiKey = process.env.OPENAI_API_KEY;
  if (apiKey) return new Client({ apiKey }).completionModel(process.env.RIG_WEB_MODEL ?? 'gpt-4o-mini');
  return new Client({ apiKey: 'simulator-accepts-any-key', baseURL: `${simulatorURL}/v1` }).completionModel(
    modelId || 'rig-sim',
  );
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY) throw new Error('request body too large');
  }
  return JSON.parse(text);
}

/**
 * Starts the server on `port` (0: a free one). `onStreamEnd({ cancelled })` is told how each answer ended: `cancelled`
 * when the browser went away (Stop) and the provider call was aborted.
 */
export async function startChatServer({
  dist = fileURLToPath(new URL('./dist', import.meta.url)),
  simulatorURL = 'http://127.0.0.1:8787',
  port = 0,
  onStreamEnd,
} = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/api/chat') {
      if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
      let body;
      try {
        body = await readJson(request);
      } catch {
        return void response
          .writeHead(400, { 'content-type': 'text/plain' })
          .end('expected a JSON body { "prompt": string }');
      }
      if (typeof body?.prompt !== 'string')
        return void response
          .writeHead(400, { 'content-type': 'text/plain' })
          .end('expected a JSON body { "prompt": string }');
      const controller = new AbortController();
      let stream;
      try {
        stream = await chatModel(typeof body.model === 'string' ? body.model : '', simulatorURL).streamPrompt(
          body.prompt,
          { signal: controller.signal },
        );
      } catch (error) {
        // The call failed before streaming: the same safe error event, on a stream that holds only it.
        stream = streamFromItems(
          (async function* () {
            throw error;
          })(),
        );
      }
      response.on('close', () => onStreamEnd?.({ cancelled: !response.writableFinished }));
      await pipeToNodeResponse(stream, response);
      return;
    }
    const file = join(dist, normalize(decodeURIComponent(path)).replace(/\/$/, '/index.html'));
    if (request.method !== 'GET' || !file.startsWith(dist + sep)) return void response.writeHead(404).end();
    readFile(file).then(
      (content) =>
        response
          .writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(content),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? fallback : process.argv[index + 1];
  };
  const { url } = await startChatServer({
    port: Number(option('--port', '8080')),
    simulatorURL: option('--sim', 'http://127.0.0.1:8787'),
  });
  console.log(
    `rig-ts web app, server mode: ${url}/?provider=server (${process.env.OPENAI_API_KEY ? 'OpenAI' : 'the simulator'} behind /api/chat)`,
  );
}
