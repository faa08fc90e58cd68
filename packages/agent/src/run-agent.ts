import type { CallOptions, CompletionResponse, PromptInput } from '@rig-ts/core';
import type { AgentConfig } from './agent-config.js';
import { AgentRun } from './agent-run.js';
import type { AgentRunOptions, PromptResponse } from './agent-run-options.js';

/** The per-call options an agent passes on to its model. */
export function callOptionsOf(options: AgentRunOptions, signal: AbortSignal | undefined = options.signal): CallOptions {
  const call: CallOptions = {};
  if (signal !== undefined) call.signal = signal;
  if (options.headers !== undefined) call.headers = options.headers;
  if (options.timeoutMs !== undefined) call.timeoutMs = options.timeoutMs;
  if (options.idleTimeoutMs !== undefined) call.idleTimeoutMs = options.idleTimeoutMs;
  if (options.maxRetries !== undefined) call.maxRetries = options.maxRetries;
  return call;
}

/** Runs the tool loop of `run` to its final answer and resolves with that answer's response (its own usage, not the run's). */
export async function runToolLoop(run: AgentRun): Promise<CompletionResponse> {
  const call = callOptionsOf(run.options);
  try {
    for (;;) {
      const request = await run.nextRequest();
      let response: CompletionResponse;
      try {
        response = await run.model.completion(request, call);
      } catch (error) {
        throw run.modelFailure(error);
      }
      const step = await run.recordResponse(request, response);
      if ('final' in step) {
        run.end({ response: step.final });
        return step.final;
      }
      await run.runTools(step.toolCalls);
    }
  } catch (error) {
    const failure = run.fail(error);
    run.end({ error: failure });
    throw failure;
  }
}

/** Runs the tool loop to a final answer: model call, tools, model call… at most `maxTurns` model calls. */
export async function runAgent(
  config: AgentConfig,
  prompt: PromptInput,
  options: AgentRunOptions = {},
): Promise<PromptResponse> {
  const run = new AgentRun(config, prompt, options);
  return run.result(await runToolLoop(run));
}
