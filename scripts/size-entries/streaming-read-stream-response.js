// A browser page that only reads a stream its own server sends (the key stays on the server).
import { readStreamResponse } from '@rig-ts/streaming';

const stream = readStreamResponse(await fetch('/api/chat', { method: 'POST', body: 'Hello' }));
for await (const text of stream.textStream) document.body.append(text);
