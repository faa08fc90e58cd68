import type { Wire } from './providers.js';
import type { CellServer } from './run-fault-cell.js';
import { forwardingServer } from './test-utils/transport-fault-servers.js';

/**
 * How a rewriting server changes the simulator's answer:
 * `held-open` — the whole answer, then the connection is kept open (the body never ends);
 * `data-after-end` — after the provider's end event, more text, a frame that is not JSON and an error, then the end;
 * `wrong-shape-text` — the first text delta's text (a JSON body's text) becomes an object.
 */
export type WireRewrite = 'held-open' | 'data-after-end' | 'wrong-shape-text';

type Json = { [key: string]: unknown };

/** The wire a request's path belongs to, and whether its answer streams. */
function wireOf(url: string, body: string): { wire: Wire; stream: boolean } {
  const request = JSON.parse(body) as { stream?: unknown };
  if (url.startsWith('/v1/responses')) return { wire: 'openai-responses', stream: request.stream === true };
  if (url.startsWith('/v1/messages')) return { wire: 'anthropic', stream: request.stream === true };
  if (url.startsWith('/api/chat')) return { wire: 'ollama', stream: request.stream !== false };
  if (url.includes(':streamGenerateContent')) return { wire: 'gemini', stream: true };
  if (url.includes(':generateContent')) return { wire: 'gemini', stream: false };
  return { wire: 'openai-chat', stream: request.stream === true };
}

/** The frames of a streamed body: SSE events (without their blank line) or NDJSON lines, in order. */
function framesOf(wire: Wire, body: string): { frames: string[]; separator: string } {
  const separator = wire === 'ollama' ? '\n' : wire === 'gemini' ? '\r\n\r\n' : '\n\n';
  return { frames: body.split(separator).filter((frame) => frame !== ''), separator };
}

/** The JSON of an SSE event or an NDJSON line, and how to write it back. */
function frameJson(wire: Wire, frame: string): { value: Json; write: (value: Json) => string } | undefined {
  if (wire === 'ollama') return { value: JSON.parse(frame) as Json, write: (value) => JSON.stringify(value) };
  const lines = frame.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith('data: '));
  const data = index === -1 ? '' : lines[index]!.slice('data: '.length);
  if (data === '' || data === '[DONE]') return undefined;
  return {
    value: JSON.parse(data) as Json,
    write: (value) =>
      lines
        .map((line, position) => (position === index ? `data: ${JSON.stringify(value)}` : line))
        .join(wire === 'gemini' ? '\r\n' : '\n'),
  };
}

const record = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** Turns the first non-empty text of a stream frame into an object; false when the frame carries no text. */
function spoilStreamText(wire: Wire, value: Json): boolean {
  switch (wire) {
    case 'openai-responses':
      if (value.type !== 'response.output_text.delta') return false;
      value.delta = { text: value.delta };
      return true;
    case 'openai-chat': {
      const delta = record(record((value.choices as unknown[] | undefined)?.[0]).delta);
      if (typeof delta.content !== 'string' || delta.content === '') return false;
      delta.content = { text: delta.content };
      return true;
    }
    case 'anthropic': {
      const delta = record(value.delta);
      if (value.type !== 'content_block_delta' || delta.type !== 'text_delta') return false;
      delta.text = { text: delta.text };
      return true;
    }
    case 'gemini': {
      const part = record(
        (record(record((value.candidates as unknown[] | undefined)?.[0]).content).parts as unknown[] | undefined)?.[0],
      );
      if (typeof part.text !== 'string' || part.text === '' || part.thought === true) return false;
      part.text = { text: part.text };
      return true;
    }
    case 'ollama': {
      const message = record(value.message);
      if (typeof message.content !== 'string' || message.content === '') return false;
      message.content = { text: message.content };
      return true;
    }
  }
}

/** Turns the answer's text in a JSON body into an object. */
function spoilBodyText(wire: Wire, body: Json): void {
  switch (wire) {
    case 'openai-responses': {
      const message = (body.output as Json[]).find((item) => item.type === 'message')!;
      const part = (message.content as Json[])[0]!;
      part.text = { text: part.text };
      return;
    }
    case 'openai-chat': {
      const message = record(record((body.choices as unknown[])[0]).message);
      message.content = { text: message.content };
      return;
    }
    case 'anthropic': {
      const block = (body.content as Json[]).find((item) => item.type === 'text')!;
      block.text = { text: block.text };
      return;
    }
    case 'gemini': {
      const part = (record(record((body.candidates as unknown[])[0]).content).parts as Json[])[0]!;
      part.text = { text: part.text };
      return;
    }
    case 'ollama': {
      const message = record(body.message);
      message.content = { text: message.content };
    }
  }
}

/** What a misbehaving server sends after the end event: more text, a frame that is not JSON, and an error. */
const AFTER_END: Readonly<Record<Wire, string>> = {
  'openai-responses':
    'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","item_id":"msg_after","output_index":0,"content_index":0,"delta":" EXTRA"}\n\n' +
    'data: {oops\n\n' +
    'event: error\ndata: {"type":"error","code":"server_error","message":"a late error","param":null}\n\n',
  'openai-chat':
    'data: {"id":"chatcmpl-after","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" EXTRA"},"finish_reason":null}]}\n\n' +
    'data: {oops\n\n' +
    'data: {"error":{"message":"a late error","type":"server_error"}}\n\n' +
    'data: [DONE]\n\n',
  anthropic:
    'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" EXTRA"}}\n\n' +
    'data: {oops\n\n' +
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"a late error"}}\n\n',
  gemini:
    'data: {"candidates":[{"content":{"role":"model","parts":[{"text":" EXTRA"}]},"index":0}]}\r\n\r\n' +
    'data: {oops\r\n\r\n' +
    'data: {"error":{"code":500,"message":"a late error","status":"INTERNAL"}}\r\n\r\n',
  ollama:
    '{"model":"sim-llama","message":{"role":"assistant","content":" EXTRA"},"done":false}\n' +
    '{oops\n' +
    '{"error":"a late error"}\n',
};

function rewriteStream(rewrite: WireRewrite, wire: Wire, body: string): string {
  if (rewrite === 'held-open') return body;
  if (rewrite === 'data-after-end') return body + AFTER_END[wire];
  const { frames, separator } = framesOf(wire, body);
  for (let index = 0; index < frames.length; index++) {
    const json = frameJson(wire, frames[index]!);
    if (json === undefined || !spoilStreamText(wire, json.value)) continue;
    frames[index] = json.write(json.value);
    return frames.map((frame) => frame + separator).join('');
  }
  throw new Error(`no text delta to spoil in the ${wire} stream`);
}

/** A loopback server that forwards each call to a simulator of its own and answers with the answer rewritten. */
export function startRewriteServer(rewrite: WireRewrite): Promise<CellServer> {
  return forwardingServer((answer, response, request) => {
    const text = answer.body.toString('utf8');
    const { wire, stream } = wireOf(request.url, request.body);
    const contentType = answer.contentType;
    if (!stream) {
      if (rewrite !== 'wrong-shape-text') throw new Error(`${rewrite} is a stream fault`);
      const body = JSON.parse(text) as Json;
      spoilBodyText(wire, body);
      const rewritten = JSON.stringify(body);
      response.writeHead(answer.status, {
        'content-type': contentType,
        'content-length': String(Buffer.byteLength(rewritten)),
      });
      response.end(rewritten);
      return;
    }
    response.writeHead(answer.status, { 'content-type': contentType });
    const rewritten = rewriteStream(rewrite, wire, text);
    if (rewrite === 'held-open') response.write(rewritten);
    else response.end(rewritten);
  });
}
