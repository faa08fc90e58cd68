import {
  CompletionError,
  type CompletionResponse,
  type OutputSchema,
  type StreamedAssistantContent,
  type ToolCall,
} from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { checkOutputMode, planOutput } from './output-mode.js';
import { outputInstruction, outputToolAnswer, outputToolDefinition, outputToolStream } from './output-tool.js';

const schema: OutputSchema = {
  name: 'Answer',
  description: 'The answer',
  schema: { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] },
};
const listSchema: OutputSchema = { name: 'Names', schema: { type: 'array', items: { type: 'string' } } };
const withTools = (provider: string, toolChoice?: 'auto' | 'none' | 'required') => ({
  provider,
  toolNames: ['weather'],
  toolChoice,
});

describe('planOutput', () => {
  it('is nothing without a schema', () => {
    expect(planOutput(undefined, 'tool', withTools('anthropic'))).toBeUndefined();
  });

  it('auto: native with no tool to call; with tools, native only where the provider composes structured output with tool calls', () => {
    expect(planOutput(schema, 'auto', { provider: 'anthropic', toolNames: [], toolChoice: undefined })).toEqual({
      mode: 'native',
      schema,
    });
    expect(planOutput(schema, 'auto', withTools('gemini', 'none'))).toEqual({ mode: 'native', schema });
    for (const provider of ['openai', 'azure'])
      expect(planOutput(schema, 'auto', withTools(provider))).toEqual({ mode: 'native', schema });
    for (const provider of [
      'anthropic',
      'gemini',
      'ollama',
      'groq',
      'deepseek',
      'openai-compatible',
      'mock',
      'fallback',
    ]) {
      expect(planOutput(schema, 'auto', withTools(provider))).toEqual({
        mode: 'tool',
        schema,
        toolName: 'final_answer',
        wrapped: false,
      });
    }
    expect(planOutput(schema, 'auto', withTools('anthropic', 'required'))).toMatchObject({ mode: 'tool' });
  });

  it('explicit modes win; tool falls back to native when the tool choice rules the output tool out', () => {
    expect(planOutput(schema, 'native', withTools('anthropic'))).toEqual({ mode: 'native', schema });
    expect(planOutput(schema, 'prompted', withTools('openai'))).toEqual({ mode: 'prompted', schema });
    expect(planOutput(schema, 'tool', withTools('openai'))).toMatchObject({ mode: 'tool' });
    expect(planOutput(schema, 'tool', { provider: 'openai', toolNames: [], toolChoice: undefined })).toMatchObject({
      mode: 'tool',
    });
    expect(
      planOutput(schema, 'tool', {
        ...withTools('openai'),
        toolChoice: { type: 'specific', functionNames: ['weather'] },
      }),
    ).toEqual({ mode: 'native', schema });
    expect(planOutput(schema, 'tool', withTools('openai', 'none'))).toEqual({ mode: 'native', schema });
  });

  it('names the output tool around the agent’s own tools, and wraps a schema whose root is not an object', () => {
    expect(
      planOutput(schema, 'tool', {
        provider: 'x',
        toolNames: ['final_answer', 'final_answer_1'],
        toolChoice: undefined,
      }),
    ).toMatchObject({ toolName: 'final_answer_2' });
    expect(planOutput(listSchema, 'tool', withTools('x'))).toEqual({
      mode: 'tool',
      schema: listSchema,
      toolName: 'final_answer',
      wrapped: true,
    });
  });

  it('checkOutputMode refuses anything else with a request error', () => {
    expect(checkOutputMode('prompted', 'outputMode')).toBe('prompted');
    const error = requestError(() => checkOutputMode('json', 'outputMode'));
    expect(error).toMatchObject({
      kind: 'request',
      path: 'outputMode',
      message: `outputMode must be one of 'auto', 'native', 'tool', 'prompted' (got "json")`,
    });
  });
});

describe('the output tool', () => {
  const plan = { mode: 'tool', schema, toolName: 'final_answer', wrapped: false } as const;
  const wrappedPlan = { mode: 'tool', schema: listSchema, toolName: 'final_answer', wrapped: true } as const;
  const call = (args: unknown, extra: Partial<ToolCall> = {}): ToolCall => ({
    type: 'tool-call',
    id: 'call_9',
    function: { name: 'final_answer', arguments: args },
    ...extra,
  });
  const response = (choice: unknown[]): CompletionResponse => ({
    choice: choice as never,
    usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    finishReason: 'tool-calls',
    rawFinishReason: 'tool_use',
    rawResponse: { raw: 1 },
  });

  it('is defined with the schema as parameters (wrapped under answer when the root is not an object), and instructed', () => {
    expect(outputToolDefinition(plan)).toEqual({
      name: 'final_answer',
      description:
        'Give your final answer (Answer: The answer). Call this once you have the answer, instead of writing it as text.',
      parameters: schema.schema,
    });
    expect(outputToolDefinition(wrappedPlan).parameters).toEqual({
      type: 'object',
      properties: { answer: listSchema.schema },
      required: ['answer'],
      additionalProperties: false,
    });
    expect(outputInstruction(plan)).toBe(
      'When you have the final answer, call the tool "final_answer" with it; do not write it as text.',
    );
    expect(outputInstruction({ mode: 'prompted', schema })).toBe(
      `Answer with only a JSON value that matches this JSON Schema ("Answer"), with no other text:\n${JSON.stringify(schema.schema)}`,
    );
    expect(outputInstruction({ mode: 'native', schema })).toBeUndefined();
  });

  it('a call becomes the final answer’s JSON text; reasoning stays, other text and calls go', () => {
    const reasoning = { type: 'reasoning', content: [{ type: 'text', text: 'done' }] };
    const answer = outputToolAnswer(
      plan,
      response([
        reasoning,
        { type: 'text', text: 'Here:' },
        call({ value: 3 }),
        { type: 'tool-call', id: 'x', function: { name: 'weather', arguments: {} } },
      ]),
    );
    expect(answer).toEqual({
      ...response([]),
      choice: [reasoning, { type: 'text', text: '{"value":3}' }],
      finishReason: 'stop',
    });
    expect(outputToolAnswer(wrappedPlan, response([call({ answer: ['a', 'b'] })]))?.choice).toEqual([
      { type: 'text', text: '["a","b"]' },
    ]);
    expect(outputToolAnswer(plan, response([call({}, { unparseableArguments: '{value: 3' })]))?.choice).toEqual([
      { type: 'text', text: '{value: 3' },
    ]);
    expect(outputToolAnswer(plan, response([{ type: 'text', text: '{"value":1}' }]))).toBeUndefined();
  });

  it('streams the call as text and hides its tool items; other tools’ items pass', () => {
    const items: StreamedAssistantContent[] = [
      { type: 'text', text: 'Thinking. ' },
      { type: 'tool-call-delta', id: 'w', name: 'weather', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'w', argumentsDelta: '{}' },
      { type: 'tool-call-delta', id: 'f', name: 'final_answer', argumentsDelta: '' },
      { type: 'tool-call-delta', id: 'f', argumentsDelta: '{"val' },
      { type: 'tool-call-delta', id: 'f', argumentsDelta: 'ue":3}' },
      { type: 'tool-call', toolCall: { type: 'tool-call', id: 'w', function: { name: 'weather', arguments: {} } } },
      { type: 'tool-call', toolCall: call({ value: 3 }) },
    ];
    const pass = outputToolStream(plan);
    expect(items.map(pass).filter((item) => item !== undefined)).toEqual([
      items[0],
      items[1],
      items[2],
      { type: 'text', text: '{"val' },
      { type: 'text', text: 'ue":3}' },
      items[6],
    ]);
    const wrapped = outputToolStream(wrappedPlan);
    expect(
      [items[3]!, items[4]!, { type: 'tool-call', toolCall: call({ answer: ['a'] }) } as const].map(wrapped),
    ).toEqual([undefined, undefined, { type: 'text', text: '["a"]' }]);
  });
});
