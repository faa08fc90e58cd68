import { Message, type CompletionRequest, type ToolResult } from '@rig-ts/core';
import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import * as anthropic from '@rig-ts/anthropic';
import * as openai from '@rig-ts/openai';
import { SentimentAnalysis, WeatherArguments } from '@rig-ts/test-schemas';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { streamedTexts } from '@rig-ts/provider-tests';
import { AgentBuilder } from './agent-builder.js';
import { tool } from './tool.js';

const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: WeatherArguments,
  execute: ({ city }) => `sunny in ${city}`,
});
const finalTool = {
  name: 'final_answer',
  description: `Give your final answer (SentimentAnalysis: ${SentimentAnalysis.description}). Call this once you have the answer, instead of writing it as text.`,
  parameters: SentimentAnalysis.jsonSchema,
};
const instruction = 'When you have the final answer, call the tool "final_answer" with it; do not write it as text.';

function toolResults(request: CompletionRequest): ToolResult[] {
  return request.chatHistory[request.chatHistory.length - 1]!.content.filter(
    (block): block is ToolResult => block.type === 'tool-result',
  );
}

describe('typed output with tools: the schema never stops the model from calling tools first', () => {
  it('tool mode (auto, for a provider that does not compose structured output with tools): tools first, then the final_answer tool', async () => {
    const model = new MockCompletionModel([
      {
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Rome' } }],
        usage: { promptTokens: 5, completionTokens: 5, totalTokens: 10 },
      },
      {
        text: 'Done.',
        toolCalls: [{ id: 'call_2', name: 'final_answer', arguments: { score: 0.5, label: 'sunny' } }],
        usage: { promptTokens: 7, completionTokens: 3, totalTokens: 10 },
      },
    ]);
    const agent = new AgentBuilder(model).preamble('You read the weather.').tool(weather).build();
    const details = await agent.promptTypedWithDetails(SentimentAnalysis, 'How does Rome feel?');
    expect(details.value).toEqual({ score: 0.5, label: 'sunny' });
    expect(details.usage).toEqual({ promptTokens: 12, completionTokens: 8, totalTokens: 20 });
    for (const call of model.calls) {
      expect(call.request.outputSchema).toBeUndefined();
      expect(call.request.tools).toEqual([
        { name: 'weather', description: 'The weather in a city', parameters: WeatherArguments.jsonSchema },
        finalTool,
      ]);
      expect(call.request.preamble).toBe(`You read the weather.\n\n${instruction}`);
    }
    expect(toolResults(model.calls[1]!.request)).toEqual([
      { type: 'tool-result', id: 'call_1', name: 'weather', content: [{ type: 'text', text: 'sunny in Rome' }] },
    ]);
    expect(details.responses.at(-1)?.choice).toEqual([{ type: 'text', text: '{"score":0.5,"label":"sunny"}' }]);
    expect(details.responses.at(-1)?.finishReason).toBe('stop');
  });

  it('tool mode: an answer that fails the schema gets typed’s repair turn, which runs the loop again with the answer in the history', async () => {
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'final_answer', arguments: { score: 7, label: 'way too high' } }] },
      { toolCalls: [{ id: 'call_2', name: 'final_answer', arguments: { score: 0.7, label: 'good' } }] },
    ]);
    const value = await new AgentBuilder(model).tool(weather).build().promptTyped(SentimentAnalysis, 'x');
    expect(value).toEqual({ score: 0.7, label: 'good' });
    const history = model.calls[1]!.request.chatHistory;
    expect(history[1]).toEqual(Message.assistant('{"score":7,"label":"way too high"}'));
    expect(history[2]?.role).toBe('user');
    expect(JSON.stringify(history[2])).toContain('/score');
  });

  it('tool mode: a plain JSON text answer is taken as it is', async () => {
    const model = new MockCompletionModel(['{"score": 0.1, "label": "flat"}']);
    expect(await new AgentBuilder(model).tool(weather).build().promptTyped(SentimentAnalysis, 'x')).toEqual({
      score: 0.1,
      label: 'flat',
    });
  });

  it('tool mode: the output call ends the run; other calls of that turn do not run and stay out of the history', async () => {
    let ran = 0;
    const counted = tool({
      name: 'weather',
      description: 'w',
      parameters: WeatherArguments,
      execute: () => `${++ran}`,
    });
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { name: 'weather', arguments: { city: 'A' } },
          { name: 'final_answer', arguments: { score: 0, label: 'n' } },
        ],
      },
    ]);
    const agent = new AgentBuilder(model).tool(counted).outputSchema(SentimentAnalysis).build();
    const response = await agent.prompt('x', { extendedDetails: true });
    expect(response.output).toBe('{"score":0,"label":"n"}');
    expect(ran).toBe(0);
    expect(response.messages).toEqual([Message.user('x'), Message.assistant('{"score":0,"label":"n"}')]);
  });

  it('native mode (auto, for OpenAI): the schema goes with every call beside the tools', async () => {
    const model = new MockCompletionModel(
      [{ toolCalls: [{ name: 'weather', arguments: { city: 'Oslo' } }] }, '{"score": -0.2, "label": "cold"}'],
      { provider: 'openai' },
    );
    expect(await new AgentBuilder(model).tool(weather).build().promptTyped(SentimentAnalysis, 'x')).toEqual({
      score: -0.2,
      label: 'cold',
    });
    for (const call of model.calls) {
      expect(call.request.outputSchema).toEqual({
        name: 'SentimentAnalysis',
        description: SentimentAnalysis.description,
        schema: SentimentAnalysis.jsonSchema,
      });
      expect(call.request.tools.map((definition) => definition.name)).toEqual(['weather']);
    }
  });

  it('prompted mode: the schema is in the instructions, nothing else is sent', async () => {
    const model = new MockCompletionModel(['```json\n{"score": 1, "label": "great"}\n```']);
    const agent = new AgentBuilder(model).tool(weather).outputMode('prompted').build();
    expect(await agent.promptTyped(SentimentAnalysis, 'x')).toEqual({ score: 1, label: 'great' });
    const request = model.calls[0]!.request;
    expect(request.outputSchema).toBeUndefined();
    expect(request.tools.map((definition) => definition.name)).toEqual(['weather']);
    expect(request.preamble).toBe(
      `Answer with only a JSON value that matches this JSON Schema ("SentimentAnalysis"), with no other text:\n${JSON.stringify(SentimentAnalysis.jsonSchema)}`,
    );
  });

  it('a run option overrides the agent’s mode, and a bad mode rejects before any call', async () => {
    const model = new MockCompletionModel(['{"score": 0, "label": "x"}']);
    const agent = new AgentBuilder(model).tool(weather).build();
    await agent.promptTyped(SentimentAnalysis, 'x', { outputMode: 'native' });
    expect(model.calls[0]!.request.outputSchema?.name).toBe('SentimentAnalysis');
    await expect(agent.prompt('x', { outputMode: 'json' as never })).rejects.toMatchObject({
      kind: 'completion',
      cause: { kind: 'request', path: 'outputMode' },
    });
    expect(() => new AgentBuilder(model).outputMode('json' as never)).toThrow(
      `outputMode must be one of 'auto', 'native', 'tool', 'prompted' (got "json")`,
    );
  });

  it('streaming in tool mode: the output call streams as the answer’s text, so streamTyped sees partial values', async () => {
    const answer = '{"score": 0.25, "label": "mixed feelings"}';
    const model = new MockCompletionModel([
      { toolCalls: [{ name: 'weather', arguments: { city: 'Rome' } }] },
      {
        stream: [
          { type: 'tool-call-start', id: 'f', name: 'final_answer' },
          ...answer
            .match(/.{1,5}/g)!
            .map((argumentsDelta) => ({ type: 'tool-call-delta' as const, id: 'f', argumentsDelta })),
          { type: 'tool-call-end', id: 'f' },
          { type: 'finish', finishReason: 'tool-calls' },
        ],
      },
      { toolCalls: [{ name: 'weather', arguments: { city: 'Rome' } }] },
      { toolCalls: [{ name: 'final_answer', arguments: { score: 0.25, label: 'mixed feelings' } }] },
    ]);
    const agent = new AgentBuilder(model).tool(weather).build();
    const typed = await agent.streamTyped(SentimentAnalysis, 'x');
    const partials: unknown[] = [];
    for await (const partial of typed) partials.push(structuredClone(partial));
    expect(partials.length).toBeGreaterThan(3);
    // Partial values as the call's arguments stream: the label grows before the whole value is in.
    expect(partials.some((partial) => (partial as { label?: string }).label === 'mixe')).toBe(true);
    expect(await typed.value).toEqual({ score: 0.25, label: 'mixed feelings' });

    const stream = await new AgentBuilder(model)
      .tool(weather)
      .outputSchema(SentimentAnalysis)
      .build()
      .streamPrompt('x');
    const items = [];
    for await (const item of stream) items.push(item);
    expect(
      items.filter(
        (item) =>
          (item.type === 'tool-call' || item.type === 'tool-call-delta') &&
          JSON.stringify(item).includes('final_answer'),
      ),
    ).toEqual([]);
    expect(streamedTexts(items).join('')).toBe('{"score":0.25,"label":"mixed feelings"}');
    expect((await stream.final).choice).toEqual([{ type: 'text', text: '{"score":0.25,"label":"mixed feelings"}' }]);
  });
});

describe('output modes on the wire (loopback)', () => {
  it('Anthropic (tool mode): final_answer among the tools, no output_config, the instruction in system', async () => {
    const answers = [
      {
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Rome' } }],
        stop_reason: 'tool_use',
      },
      {
        content: [{ type: 'tool_use', id: 'toolu_2', name: 'final_answer', input: { score: 0.9, label: 'warm' } }],
        stop_reason: 'tool_use',
      },
    ];
    const server = await startLoopbackServer((_request, response, index) =>
      sendJson(response, 200, {
        id: `msg_${index}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 5 },
        ...answers[index],
      }),
    );
    try {
      const model = new anthropic.Client({ apiKey: 'k', baseURL: `${server.url}/v1` }).completionModel(
        'claude-sonnet-4-5',
      );
      const value = await new AgentBuilder(model)
        .preamble('Be brief.')
        .tool(weather)
        .build()
        .promptTyped(SentimentAnalysis, 'How is Rome?');
      expect(value).toEqual({ score: 0.9, label: 'warm' });
      const bodies = server.requests.map((request) => JSON.parse(request.body) as { [key: string]: unknown });
      expect(bodies).toHaveLength(2);
      for (const body of bodies) {
        expect(body.output_config).toBeUndefined();
        expect((body.tools as { name: string }[]).map((definition) => definition.name)).toEqual([
          'weather',
          'final_answer',
        ]);
        const inputSchema = (
          body.tools as { input_schema: { type: string; required: string[]; properties: object } }[]
        )[1]!.input_schema;
        expect([
          inputSchema.type,
          [...inputSchema.required].sort(),
          Object.keys(inputSchema.properties).sort(),
        ]).toEqual(['object', ['label', 'score'], ['label', 'score']]);
        expect(JSON.stringify(body.system)).toContain(instruction.replaceAll('"', '\\"'));
      }
      expect(JSON.stringify(bodies[1]!.messages)).toContain('sunny in Rome');
    } finally {
      await server.close();
    }
  });

  it('OpenAI chat (native mode): response_format json_schema beside the tools on every call', async () => {
    const answers = [
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } }],
      },
      { role: 'assistant', content: '{"score":0.4,"label":"mild"}' },
    ];
    const server = await startLoopbackServer((_request, response, index) =>
      sendJson(response, 200, {
        id: `chatcmpl-${index}`,
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o',
        choices: [{ index: 0, message: answers[index], finish_reason: index === 0 ? 'tool_calls' : 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
    try {
      const model = openai.chatCompletionsModel(
        new openai.Client({ apiKey: 'k', baseURL: `${server.url}/v1` }),
        'gpt-4o',
      );
      expect(
        await new AgentBuilder(model).tool(weather).build().promptTyped(SentimentAnalysis, 'How is Rome?'),
      ).toEqual({ score: 0.4, label: 'mild' });
      for (const request of server.requests) {
        const body = JSON.parse(request.body) as {
          response_format?: { type: string; json_schema: { name: string } };
          tools: { function: { name: string } }[];
        };
        expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'SentimentAnalysis' } });
        expect(body.tools.map((definition) => definition.function.name)).toEqual(['weather']);
      }
    } finally {
      await server.close();
    }
  });
});
