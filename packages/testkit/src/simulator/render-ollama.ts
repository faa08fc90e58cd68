import { splitText } from '../split-text.js';
import type { SimAnswer } from './answer-conversation.js';
import type { RenderContext, WireStream } from './render-context.js';

/** Simulated time per token, in ns, for the duration fields. */
const TOKEN_NANOSECONDS = 10_000_000;

function createdAt(context: RenderContext): string {
  return new Date(context.now).toISOString();
}

function doneFields(answer: SimAnswer) {
  const promptDuration = answer.inputTokens * TOKEN_NANOSECONDS;
  const evalDuration = answer.outputTokens * TOKEN_NANOSECONDS;
  const loadDuration = 1_000_000;
  return {
    done_reason: answer.finish === 'length' ? 'length' : 'stop',
    done: true,
    total_duration: loadDuration + promptDuration + evalDuration,
    load_duration: loadDuration,
    prompt_eval_count: answer.inputTokens,
    prompt_eval_duration: promptDuration,
    eval_count: answer.outputTokens,
    eval_duration: evalDuration,
  };
}

function toolCalls(answer: SimAnswer) {
  return answer.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.arguments } }));
}

/** An Ollama `/api/chat` response body (`done: true`). */
export function renderOllamaResponse(answer: SimAnswer, context: RenderContext): unknown {
  const message: { [key: string]: unknown } = { role: 'assistant', content: answer.text ?? '' };
  if (answer.reasoning !== undefined) message.thinking = answer.reasoning;
  if (answer.toolCalls.length > 0) message.tool_calls = toolCalls(answer);
  return { model: context.body.model, created_at: createdAt(context), message, ...doneFields(answer) };
}

/** An Ollama NDJSON stream: a line per delta (`thinking`, `content`, then `tool_calls` whole), then the `done` line. */
export function renderOllamaStream(answer: SimAnswer, context: RenderContext): WireStream {
  const model = context.body.model;
  const created_at = createdAt(context);
  const frames: string[] = [];
  const line = (message: { [key: string]: unknown }) =>
    frames.push(`${JSON.stringify({ model, created_at, message: { role: 'assistant', ...message }, done: false })}\n`);
  if (answer.reasoning !== undefined)
    for (const thinking of splitText(answer.reasoning, context.chunkSize)) line({ content: '', thinking });
  for (const content of splitText(answer.text ?? '', context.chunkSize)) line({ content });
  if (answer.toolCalls.length > 0) line({ content: '', tool_calls: toolCalls(answer) });
  const endFrom = frames.length;
  frames.push(
    `${JSON.stringify({ model, created_at, message: { role: 'assistant', content: '' }, ...doneFields(answer) })}\n`,
  );
  return { frames, endFrom };
}
