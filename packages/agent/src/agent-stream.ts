import {
  CompletionError,
  type CompletionResponse,
  type PromptInput,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { StreamingResponse } from '@rig-ts/streaming';
import { ItemStreamSource } from '@rig-ts/streaming/internal';
import type { AgentConfig } from './agent-config.js';
import { AgentRun } from './agent-run.js';
import type { AgentRunOptions } from './agent-run-options.js';
import { outputToolStream } from './output-tool.js';
import { callOptionsOf } from './run-agent.js';

/** What the item generator reports back to its stream. */
interface RunState {
  requestId: string | undefined;
}

async function* agentItems(
  run: AgentRun,
  userSignal: AbortSignal | undefined,
  controller: AbortController,
  state: RunState,
): AsyncGenerator<StreamedAssistantContent> {
  const onUserAbort = (): void => controller.abort(userSignal!.reason);
  if (userSignal?.aborted) controller.abort(userSignal.reason);
  else userSignal?.addEventListener('abort', onUserAbort, { once: true });
  try {
    const call = callOptionsOf(run.options, controller.signal);
    for (;;) {
      const request = await run.nextRequest();
      let stream: StreamingCompletionResponse;
      try {
        stream = await run.model.stream(request, call);
      } catch (error) {
        throw run.modelFailure(error);
      }
      let response: CompletionResponse | undefined;
      const items = stream[Symbol.asyncIterator]();
      const passOn = run.output?.mode === 'tool' ? outputToolStream(run.output) : undefined;
      try {
        for (;;) {
          let result: IteratorResult<StreamedAssistantContent>;
          try {
            result = await items.next();
          } catch (error) {
            throw run.modelFailure(error);
          }
          if (result.done) break;
          if (result.value.type === 'final') {
            response = result.value.response;
            continue;
          }
          const item = passOn === undefined ? result.value : passOn(result.value);
          if (item === undefined) continue;
          for (const hook of run.hooks) hook.onStreamItem?.({ turn: run.turn, item });
          yield item;
        }
      } finally {
        // Ends the model's stream when this run stops early (a no-op once it is done).
        void items.return?.();
      }
      // A model stream ends with its final item or throws: a custom model's stream that just stops was cut short.
      if (!response) {
        throw run.modelFailure(
          new CompletionError({
            kind: 'response',
            reason: 'truncated',
            message: 'the model stream ended before its final item (truncated response)',
          }),
        );
      }
      state.requestId = stream.requestId;
      const step = await run.recordResponse(request, response);
      if ('final' in step) {
        const final: CompletionResponse = { ...step.final, usage: run.usage };
        run.end({ response: step.final });
        yield final.rawFinishReason === undefined
          ? { type: 'final', usage: run.usage, finishReason: final.finishReason, response: final }
          : {
              type: 'final',
              usage: run.usage,
              finishReason: final.finishReason,
              rawFinishReason: final.rawFinishReason,
              response: final,
            };
        return;
      }
      for (const toolResult of await run.runTools(step.toolCalls)) yield { type: 'tool-result', toolResult };
    }
  } catch (error) {
    const failure = run.fail(error);
    run.end(
      userSignal?.aborted || !controller.signal.aborted ? { error: failure } : { cancelled: true, error: failure },
    );
    throw failure;
  } finally {
    userSignal?.removeEventListener('abort', onUserAbort);
    // Stopped early by the consumer (cancel(), a break): the hooks hear of it once (a no-op once the run ended).
    if (controller.signal.aborted)
      run.end(
        userSignal?.aborted
          ? { error: controller.signal.reason }
          : { cancelled: true, error: controller.signal.reason },
      );
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
    const run = new AgentRun(config, prompt, { ...options, signal: controller.signal }, true);
    super(
      new ItemStreamSource(agentItems(run, options.signal, controller, state), {
        requestId: () => state.requestId,
        onAbort: (reason) => {
          controller.abort(reason);
          // Also when the consumer cancels before the first read (the generator never ran, so its `finally` won't).
          run.end(options.signal?.aborted ? { error: reason } : { cancelled: true, error: reason });
        },
      }),
    );
  }
}
