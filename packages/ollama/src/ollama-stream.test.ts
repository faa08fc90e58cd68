import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { describe, expect, it } from 'vitest';
import { ollamaStreamAdapter } from './ollama-stream.js';

function transport(wire: string) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(wire));
      controller.close();
    },
  });
  return { body, abort() {}, mapError: (error: unknown) => error, settle() {} };
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const final = {
  model: 'llama3.2',
  message: { role: 'assistant', content: '' },
  done: true,
  done_reason: 'stop',
  prompt_eval_count: 3,
  eval_count: 2,
};

describe('ollamaStreamAdapter', () => {
  it('ends at the done object, whose counts and reason it reports and which is rawResponse', async () => {
    const stream = createStreamingResponse(
      transport(line({ model: 'llama3.2', message: { role: 'assistant', content: 'Hi' }, done: false }) + line(final)),
      'ndjson',
      ollamaStreamAdapter(),
    );
    expect(await stream.final).toEqual({
      choice: [{ type: 'text', text: 'Hi' }],
      usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 },
      finishReason: 'stop',
      rawFinishReason: 'stop',
      model: 'llama3.2',
      rawResponse: final,
    });
  });

  it('ignores anything after the done object', async () => {
    const stream = createStreamingResponse(
      transport(
        line({ message: { content: 'A' }, done: false }) +
          line(final) +
          line({ message: { content: 'B' }, done: false }),
      ),
      'ndjson',
      ollamaStreamAdapter(),
    );
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'A' }]);
  });

  it('reads a last line without a newline, and a single application/json object', async () => {
    const stream = createStreamingResponse(
      transport(JSON.stringify({ ...final, message: { role: 'assistant', content: 'Loaded.' } })),
      'ndjson',
      ollamaStreamAdapter(),
    );
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'Loaded.' }]);
  });

  it('attaches the request warnings to the final response', async () => {
    const warnings = [
      {
        type: 'unsupported',
        feature: 'toolChoice',
        details: 'Ollama cannot force a tool call; the model may answer without one',
      },
    ] as const;
    const stream = createStreamingResponse(
      transport(line({ message: { content: 'A' }, done: false }) + line(final)),
      'ndjson',
      ollamaStreamAdapter(),
      warnings,
    );
    expect((await stream.final).warnings).toEqual(warnings);
  });
});
