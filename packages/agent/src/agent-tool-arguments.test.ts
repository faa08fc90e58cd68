import type { ToolResult } from '@rig-ts/core';
import { MockCompletionModel, type MockTurn } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import type { AgentHook } from './agent-hook.js';
import { tool } from './tool.js';
import { toolFeedback } from './tool-feedback.js';
import { WeatherArguments } from '@rig-ts/test-schemas';
import { errorResult, lastResults } from './test-utils/tool-results.js';

/** A turn whose tool call streams arguments that are not JSON, then ends normally. */
const unparseable = (id: string, text: string): MockTurn => ({
  stream: [
    { type: 'tool-call-start', id, name: 'weather' },
    { type: 'tool-call-delta', id, argumentsDelta: text },
    { type: 'tool-call-end', id },
    { type: 'finish', finishReason: 'tool-calls' },
  ],
});

function weatherTool(ran: unknown[]) {
  return tool({
    name: 'weather',
    description: 'weather',
    parameters: WeatherArguments,
    execute: (args) => {
      ran.push(args);
      return `sunny in ${args.city}`;
    },
  });
}

describe('tool arguments that are not JSON go back to the model', () => {
  it('prompt: the call is answered with the unparseable-arguments feedback, the tool does not run, and the model tries again', async () => {
    const ran: unknown[] = [];
    const model = new MockCompletionModel([
      unparseable('call_1', '{"city": Paris}'),
      { toolCalls: [{ id: 'call_2', name: 'weather', arguments: { city: 'Paris' } }] },
      'Sunny.',
    ]);
    const response = await new AgentBuilder(model)
      .tool(weatherTool(ran))
      .build()
      .prompt('Weather?', { extendedDetails: true });
    expect(response.output).toBe('Sunny.');
    expect(ran).toEqual([{ city: 'Paris' }]);
    expect(lastResults(model.calls[1]!.request)).toEqual([
      errorResult('call_1', 'weather', toolFeedback.unparseableArguments('weather')),
    ]);
    expect(toolFeedback.unparseableArguments('weather')).toBe(
      'Invalid arguments for tool "weather": they are not valid JSON. Call it again with a JSON object.',
    );
    expect(response.messages[1]).toEqual({
      role: 'assistant',
      content: [
        {
          type: 'tool-call',
          id: 'call_1',
          function: { name: 'weather', arguments: {} },
          unparseableArguments: '{"city": Paris}',
        },
      ],
    });
  });

  it('streamPrompt: the same, with the tool-result item in the stream', async () => {
    const ran: unknown[] = [];
    const model = new MockCompletionModel([unparseable('call_1', 'city=Paris'), 'Tell me the city as JSON, please.']);
    const stream = await new AgentBuilder(model).tool(weatherTool(ran)).build().streamPrompt('Weather?');
    const results: ToolResult[] = [];
    for await (const item of stream) if (item.type === 'tool-result') results.push(item.toolResult);
    expect(results.map((result) => [result.isError, result.content])).toEqual([
      [true, [{ type: 'text', text: toolFeedback.unparseableArguments('weather') }]],
    ]);
    expect(ran).toEqual([]);
  });

  it('a beforeToolCall hook sees the text as written and may repair the arguments, and then the tool runs', async () => {
    const ran: unknown[] = [];
    const repair: AgentHook = {
      beforeToolCall: ({ toolCall }) =>
        toolCall.unparseableArguments === undefined
          ? undefined
          : { type: 'rewrite', arguments: { city: toolCall.unparseableArguments.replace('city=', '') } },
    };
    const model = new MockCompletionModel([unparseable('call_1', 'city=Oslo'), 'Sunny in Oslo.']);
    expect(await new AgentBuilder(model).tool(weatherTool(ran)).hook(repair).build().prompt('Weather?')).toBe(
      'Sunny in Oslo.',
    );
    expect(ran).toEqual([{ city: 'Oslo' }]);
    expect(lastResults(model.calls[1]!.request)[0]).toMatchObject({
      content: [{ type: 'text', text: 'sunny in Oslo' }],
    });
  });
});
