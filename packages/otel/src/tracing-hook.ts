import { context } from '@opentelemetry/api';
import type { AgentHook, AgentRunInfo } from '@rig-ts/agent';
import { AgentRunSpan } from './agent-run-span.js';
import { GenAiTelemetry } from './gen-ai-telemetry.js';
import { traceParentOf } from './trace-parent.js';
import { TracedModel } from './traced-model.js';
import { traceToolCall } from './trace-tool-call.js';
import type { TracingOptions } from './tracing-options.js';

/**
 * An agent hook that traces each run by the OpenTelemetry GenAI conventions: an `invoke_agent {name}` span (kind
 * INTERNAL) around the run, with the run's model calls (`chat {model}`) and tool calls (`execute_tool {name}`, also
 * when several run at once) as its children. Parents are passed explicitly, so the tree is right without an async
 * context manager; with one, the run's span is the child of the span active where the run started, and a tool's
 * span is active while the tool runs. The agent's model is traced for the run — by its own `traced()` options when
 * it is a `traced()` model, else by these.
 *
 * @example
 * const agent = new AgentBuilder(traced(model)).tool(weather).hook(tracingHook()).build();
 */
export function tracingHook(options: TracingOptions = {}): AgentHook {
  const telemetry = new GenAiTelemetry(options);
  const runs = new WeakMap<AgentRunInfo, AgentRunSpan>();
  return {
    onRunStart({ run, model }) {
      const span = new AgentRunSpan(telemetry, run);
      runs.set(run, span);
      const binding = { parent: span.context, activity: span };
      return { model: model instanceof TracedModel ? model.bind(binding) : new TracedModel(model, telemetry, binding) };
    },
    onRunEnd(event) {
      runs.get(event.run)?.end(event);
    },
    wrapToolCall(event, next) {
      const span = runs.get(event.run);
      const parent = span?.context ?? traceParentOf(event.run.options) ?? context.active();
      return traceToolCall(telemetry, parent, event, next, span);
    },
  };
}
