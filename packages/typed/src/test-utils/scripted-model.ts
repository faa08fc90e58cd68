import {
  BaseCompletionModel,
  type CallOptions,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
  type Usage,
} from '@rig-ts/core';
import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { memoryTransport, type MemoryTransport } from './memory-transport.js';
import { textStreamAdapter, textStreamBody } from './text-stream-adapter.js';

/** One scripted completion: a response, an error to throw, or a function of the request. */
export type ScriptedAnswer = CompletionResponse | Error | ((request: CompletionRequest) => CompletionResponse);

/** One scripted stream: text deltas and the usage of the end frame, or a transport the test drives itself. */
export type ScriptedStream = { deltas: readonly string[]; usage: Usage } | MemoryTransport | Error;

/** A text response as a provider would give it. */
export function textResponse(
  text: string,
  usage: Usage = { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
  id?: string,
): CompletionResponse {
  const response: CompletionResponse = {
    choice: [{ type: 'text', text }],
    usage,
    finishReason: 'stop',
    rawResponse: { text },
  };
  if (id !== undefined) response.id = id;
  return response;
}

/** A model that records each request and answers from a script, in order (tests only). */
export class ScriptedModel extends BaseCompletionModel {
  readonly provider = 'scripted';
  readonly requests: { request: CompletionRequest; options: CallOptions | undefined }[] = [];
  readonly transports: MemoryTransport[] = [];
  readonly #answers: ScriptedAnswer[];
  readonly #streams: ScriptedStream[];

  constructor(answers: ScriptedAnswer[] = [], streams: ScriptedStream[] = []) {
    super('scripted-1');
    this.#answers = [...answers];
    this.#streams = [...streams];
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse> {
    this.requests.push({ request, options });
    const answer = this.#answers.shift();
    if (answer === undefined) throw new Error(`no scripted answer for call ${this.requests.length}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer;
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    this.requests.push({ request, options });
    const script = this.#streams.shift();
    if (script === undefined) throw new Error(`no scripted stream for call ${this.requests.length}`);
    if (script instanceof Error) throw script;
    const transport = 'deltas' in script ? memoryTransport(textStreamBody(script.deltas, script.usage)) : script;
    this.transports.push(transport);
    return createStreamingResponse(transport, 'ndjson', textStreamAdapter);
  }
}
