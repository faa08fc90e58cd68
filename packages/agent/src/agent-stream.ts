import { CompletionError, type CompletionResponse, type PromptInput, type StreamedAssistantContent } from '@rig-ts/core';
import { ItemStreamSource, StreamingResponse } from '@rig-ts/streaming';
import type { AgentConfig } from './agent-config.js';
import { AgentRun } from './agent-run.js';
import type { AgentRunOptions } from './agent-run-options.js';
import { callOptionsOf } from './run-agent.js';

/** What the item generator reports back to its stream. */
interface RunState {
  requestId: string | undefined;
}

async function* agentItems(run: AgentRun, userSignal: AbortSignal | undefined, controller: AbortController, state: RunState): AsyncGenerator<StreamedAssistantContent> {
  const onUserAbort = (): void => controller.abort(userSignal!.reason);
  if (userSignal?.aborted) controller.abort(userSignal.reason);
  else userSignal?.addEventListener('abort', onUserAbort, { once: true });
  try {
    const call = callOptionsOf(run.options, controller.signal);
    for (;;) {
      const request = await run.nextRequest();
      const stream = await run.config.model.stream(request, call);
      let response: CompletionResponse | undefined;
      for await (const item of stream) {
        if (item.type === 'final') {
          response = item.response;
          continue;
        }
        for (const hook of run.hooks) hook.onStreamItem?.({ turn: run.turn, item });
        yield item;
      }
      // A model stream ends with its final item or throws: a custom model's stream that just stops was cut short.
      if (!response) throw new CompletionError({ kind: 'response', reason: 'truncated', message: 'the model stream ended before its final item (truncated response)' });
      state.requestId = stream.requestId;
      const toolCalls = await run.recordResponse(request, response);
      if (toolCalls.length === 0) {
        const final: CompletionResponse = { ...response, usage: run.usage };
        yield final.rawFinishReason === undefined
          ? { type: 'final', usage: run.usage, finishReason: final.finishReason, response: final }
          : { type: 'final', usage: run.usage, finishReason: final.finishReason, rawFinishReason: final.rawFinishReason, response: final };
        return;
      }
      for (const toolResult of await run.runTools(toolCalls)) yield { type: 'tool-result', toolResult };
    }
  } catch (error) {
    throw run.fail(error);
  } finally {
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

/**
 * A streamed agent run: text, reasoning and tool-call items of every model call, a `tool-result` item per tool that
 * ran, then one `final` item whose usage is summed over the run; `final` resolves with the last answer (usage summed).
 * It is the streaming package's `StreamingResponse` — the same single reader, lazy `final`, `usage()`, `cancel()` and
 * `toReadableStream()` as a model's stream — over the run's items: `cancel()` aborts the model call and running tools.
 */
export class AgentStream extends StreamingResponse {
  constructor(config: AgentConfig, prompt: PromptInput, options: AgentRunOptions = {}) {
    const controller = new AbortController();
    const state: RunState = { requestId: undefined };
    const run = new AgentRun(config, prompt, { ...options, signal: controller.signal });
    super(
      new ItemStreamSource(agentItems(run, options.signal, controller, state), {
        requestId: () => state.requestId,
        onAbort: (reason) => controller.abort(reason),
      }),
    );
  }
}
