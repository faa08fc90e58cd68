// Derives the expected summary of every real OpenAI-wire recording straight from the wire JSON, independently of
// the package's mappers. Its output (expectations.json) is committed and reviewed; tests compare against it.
// Run: node src/__fixtures__/derive-expectations.mjs
import { writeFileSync } from 'node:fs';
import { chunkLines, listFixtures, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';

const responsesDirs = ['openai-responses/vercel-ai', 'openai-responses/pydantic-ai', 'azure/vercel-ai', 'open-responses/vercel-ai'];
const chatDirs = ['openai/vercel-ai', 'openai/pydantic-ai', 'azure/vercel-ai'];

function responsesSummary(body) {
  const text = [];
  const toolCalls = [];
  const reasoning = [];
  let refusal = false;
  for (const item of body.output ?? []) {
    if (item.type === 'message') {
      text.push(item.content.map((part) => (part.type === 'output_text' ? part.text : part.type === 'refusal' ? ((refusal = true), part.refusal) : '')).join(''));
    } else if (item.type === 'function_call') {
      toolCalls.push({ id: item.id ?? item.call_id, callId: item.call_id, name: item.name, arguments: item.arguments.trim() === '' ? {} : JSON.parse(item.arguments) });
    } else if (item.type === 'reasoning') {
      reasoning.push({ id: item.id, summaries: item.summary.length, texts: (item.content ?? []).length, encrypted: Boolean(item.encrypted_content) });
    }
  }
  const usage = body.usage
    ? {
        promptTokens: body.usage.input_tokens,
        completionTokens: body.usage.output_tokens,
        totalTokens: body.usage.total_tokens,
        ...(body.usage.input_tokens_details?.cached_tokens !== undefined ? { cachedPromptTokens: body.usage.input_tokens_details.cached_tokens } : {}),
        ...(body.usage.output_tokens_details?.reasoning_tokens !== undefined ? { reasoningTokens: body.usage.output_tokens_details.reasoning_tokens } : {}),
      }
    : { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let finishReason;
  let rawFinishReason;
  if (body.status === 'incomplete') {
    rawFinishReason = body.incomplete_details?.reason ?? 'incomplete';
    finishReason = rawFinishReason === 'max_output_tokens' ? 'length' : rawFinishReason === 'content_filter' ? 'content-filter' : 'other';
  } else {
    rawFinishReason = refusal ? 'refusal' : 'completed';
    finishReason = refusal ? 'content-filter' : toolCalls.length > 0 ? 'tool-calls' : 'stop';
  }
  // An answer with no text, tool call or reasoning is reported as one empty text block (core's toChoice).
  if (text.length + toolCalls.length + reasoning.length === 0) text.push('');
  return { id: body.id, model: body.model, text, toolCalls, reasoning, usage, finishReason, rawFinishReason };
}

function chatSummary(body) {
  const message = body.choices[0].message;
  const text = message.content ? [typeof message.content === 'string' ? message.content : message.content.map((part) => part.text ?? '').join('')] : [];
  const toolCalls = (message.tool_calls ?? []).map((call, index) => ({
    id: call.id || `call_${index}`,
    name: call.function.name,
    arguments: typeof call.function.arguments === 'string' ? (call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments)) : call.function.arguments,
  }));
  const reasoning = message.reasoning_content ?? message.reasoning;
  const u = body.usage;
  const usage = u
    ? {
        promptTokens: u.prompt_tokens,
        completionTokens: u.completion_tokens,
        totalTokens: u.total_tokens,
        ...(u.prompt_tokens_details?.cached_tokens != null ? { cachedPromptTokens: u.prompt_tokens_details.cached_tokens } : {}),
        ...(u.completion_tokens_details?.reasoning_tokens != null ? { reasoningTokens: u.completion_tokens_details.reasoning_tokens } : {}),
      }
    : { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const raw = body.choices[0].finish_reason;
  const map = { stop: 'stop', length: 'length', tool_calls: 'tool-calls', content_filter: 'content-filter' };
  let finishReason = map[raw] ?? 'other';
  if (finishReason === 'stop' && toolCalls.length > 0) finishReason = 'tool-calls';
  if (text.length + toolCalls.length === 0 && !reasoning) text.push('');
  return { id: body.id, model: body.model, text, toolCalls, reasoning: reasoning ? [reasoning] : [], usage, finishReason, rawFinishReason: raw };
}

function chatStreamSummary(lines) {
  let id;
  let model;
  let text = '';
  let reasoning = '';
  const calls = new Map();
  let raw;
  let usage;
  for (const line of lines) {
    const chunk = JSON.parse(line);
    id ||= chunk.id || undefined;
    model ||= chunk.model || undefined;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    if (delta.content) text += delta.content;
    if (delta.reasoning_content ?? delta.reasoning) reasoning += delta.reasoning_content ?? delta.reasoning;
    for (const call of delta.tool_calls ?? []) {
      const key = call.index ?? 0;
      const current = calls.get(key) ?? { id: call.id || `call_${key}`, name: '', arguments: '' };
      if (call.function?.name) current.name = call.function.name;
      if (call.function?.arguments) current.arguments += call.function.arguments;
      calls.set(key, current);
    }
    if (choice.finish_reason) raw = choice.finish_reason;
  }
  const body = {
    id,
    model,
    choices: [{ message: { content: text || null, reasoning_content: reasoning || undefined, tool_calls: [...calls.values()].map((call) => ({ id: call.id, function: { name: call.name, arguments: call.arguments } })) }, finish_reason: raw }],
    usage,
  };
  return chatSummary(body);
}

const expectations = { responses: {}, chat: {} };
for (const dir of responsesDirs) {
  for (const file of listFixtures(dir, '.json')) {
    if (file.includes('/synthetic/') || file.endsWith('.meta.json')) continue;
    const body = readJsonFixture(file);
    if (body.object === 'response') expectations.responses[file] = responsesSummary(body);
  }
  for (const file of listFixtures(dir, '.chunks.txt')) {
    if (file.includes('/synthetic/')) continue;
    const events = chunkLines(file).map((line) => JSON.parse(line));
    if (!events.some((event) => typeof event.type === 'string' && event.type.startsWith('response.'))) continue;
    // Some recordings hold several consecutive streams (the steps of one run); each starts with response.created.
    const segments = [];
    for (const event of events) {
      if (event.type === 'response.created' || segments.length === 0) segments.push([]);
      segments.at(-1).push(event);
    }
    expectations.responses[file] = segments.map((segment) => {
      const completed = segment.find((event) => event.type === 'response.completed' || event.type === 'response.incomplete');
      const failed = segment.find((event) => event.type === 'error' || event.type === 'response.failed');
      return completed ? responsesSummary(completed.response) : { error: failed.error?.message ?? failed.response?.error?.message };
    });
  }
  for (const file of listFixtures(dir, '.sse')) {
    const events = readTextFixture(file)
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
    if (!events.some((event) => typeof event.type === 'string' && event.type.startsWith('response.'))) continue;
    const completed = events.find((event) => event.type === 'response.completed' || event.type === 'response.incomplete');
    expectations.responses[file] = responsesSummary(completed.response);
  }
}
for (const dir of chatDirs) {
  for (const file of listFixtures(dir, '.json')) {
    if (file.includes('/synthetic/') || file.endsWith('.meta.json')) continue;
    const body = readJsonFixture(file);
    if (body.object === 'chat.completion') expectations.chat[file] = chatSummary(body);
  }
  for (const file of listFixtures(dir, '.chunks.txt')) {
    if (file.includes('/synthetic/')) continue;
    const lines = chunkLines(file);
    if (!lines.some((line) => JSON.parse(line).object === 'chat.completion.chunk')) continue;
    expectations.chat[file] = chatStreamSummary(lines);
  }
  for (const file of listFixtures(dir, '.sse')) {
    const lines = readTextFixture(file)
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
      .map((line) => line.slice(6));
    if (JSON.parse(lines[0]).object !== 'chat.completion.chunk') continue;
    expectations.chat[file] = chatStreamSummary(lines);
  }
}
writeFileSync(new URL('./expectations.json', import.meta.url), `${JSON.stringify(expectations, null, 2)}\n`);
console.log(Object.keys(expectations.responses).length, 'responses fixtures;', Object.keys(expectations.chat).length, 'chat fixtures');
