import { CompletionError, PromptError, type CompletionResponse } from '@rig-ts/core';
import { MockCompletionModel, type MockStreamPart, type MockTurn } from '@rig-ts/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import { tool } from './tool.js';
import { ToolError } from './tool-error.js';
import { jsonSchema } from '@rig-ts/typed/ajv';

// For any scripted model behaviour and any tool behaviour, an agent run ends within maxTurns model calls with an
// answer or a PromptError — never another error type, never a hang. Tools get a 5 ms time limit so hanging ones cost
// little; nothing here depends on how fast the machine is.

type ToolBehaviour =
  | 'text'
  | 'json'
  | 'undefined'
  | 'circular'
  | 'bigint'
  | 'function'
  | 'throw-error'
  | 'throw-string'
  | 'throw-undefined'
  | 'throw-object'
  | 'tool-error'
  | 'reject'
  | 'hang'
  | 'late';

type CallSpec =
  | { kind: 'valid'; tool: 'alpha' | 'beta'; n: number }
  | { kind: 'invalid'; tool: 'alpha' | 'beta' }
  | { kind: 'unparseable'; tool: 'alpha' | 'beta'; text: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'final'; valid: boolean };

type TurnSpec =
  | { kind: 'text'; text: string }
  | { kind: 'tools'; text: string; calls: CallSpec[] }
  | { kind: 'empty' }
  | { kind: 'length-no-answer' }
  | { kind: 'length-text' }
  | { kind: 'length-cut-call'; tool: 'alpha' | 'beta' }
  | { kind: 'content-filter' }
  | { kind: 'model-throws'; error: unknown }
  | { kind: 'stream-error'; error: unknown }
  | { kind: 'truncated' }
  | { kind: 'malformed' };

const toolName = fc.constantFrom('alpha' as const, 'beta' as const);
const notJson = fc.string({ maxLength: 12 }).filter((text) => {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});

const callSpec: fc.Arbitrary<CallSpec> = fc.oneof(
  fc.record({ kind: fc.constant('valid' as const), tool: toolName, n: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('invalid' as const), tool: toolName }),
  fc.record({ kind: fc.constant('unparseable' as const), tool: toolName, text: notJson }),
  fc.record({
    kind: fc.constant('unknown' as const),
    name: fc.constantFrom('gamma', 'final_answer_1', 'ALPHA', 'x'.repeat(80)),
  }),
  fc.record({ kind: fc.constant('final' as const), valid: fc.boolean() }),
);

const modelError = fc.constantFrom<unknown>(
  new CompletionError({ kind: 'http', message: 'HTTP 500', status: 500 }),
  new CompletionError({ kind: 'request', message: 'bad request' }),
  new CompletionError({ kind: 'provider', message: 'overloaded', isRetryable: true }),
  new TypeError('a bug in a custom model'),
  'a thrown string',
  null,
  { not: 'an error' },
);

const turnSpec: fc.Arbitrary<TurnSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.string({ minLength: 1, maxLength: 20 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('tools' as const),
      text: fc.constantFrom('', 'Let me check. '),
      calls: fc.array(callSpec, { minLength: 1, maxLength: 3 }),
    }),
  },
  fc.constant({ kind: 'empty' as const }),
  fc.constant({ kind: 'length-no-answer' as const }),
  fc.constant({ kind: 'length-text' as const }),
  fc.record({ kind: fc.constant('length-cut-call' as const), tool: toolName }),
  fc.constant({ kind: 'content-filter' as const }),
  fc.record({ kind: fc.constant('model-throws' as const), error: modelError }),
  fc.record({ kind: fc.constant('stream-error' as const), error: modelError }),
  fc.constant({ kind: 'truncated' as const }),
  fc.constant({ kind: 'malformed' as const }),
);

function callParts(call: CallSpec, id: string): MockStreamPart[] {
  const start = (name: string): MockStreamPart => ({ type: 'tool-call-start', id, name });
  const body = (text: string): MockStreamPart[] => [
    ...(text === '' ? [] : [{ type: 'tool-call-delta' as const, id, argumentsDelta: text }]),
    { type: 'tool-call-end', id },
  ];
  switch (call.kind) {
    case 'valid':
      return [start(call.tool), ...body(JSON.stringify({ n: call.n }))];
    case 'invalid':
      return [start(call.tool), ...body('{"n":"not a number","extra":[1,2]}')];
    case 'unparseable':
      return [start(call.tool), ...body(call.text)];
    case 'unknown':
      return [start(call.name), ...body('{}')];
    case 'final':
      return [start('final_answer'), ...body(call.valid ? '{"score":0.5,"label":"ok"}' : '{"score":"high"}')];
  }
}

function toMockTurn(spec: TurnSpec, index: number): MockTurn {
  switch (spec.kind) {
    case 'text':
      return { text: spec.text };
    case 'tools':
      return {
        stream: [
          ...(spec.text === '' ? [] : [{ type: 'text' as const, text: spec.text }]),
          ...spec.calls.flatMap((call, position) => callParts(call, `call_${index}_${position}`)),
          { type: 'finish', finishReason: 'tool-calls' },
        ],
      };
    case 'empty':
      return {};
    case 'length-no-answer':
      return { reasoning: 'thinking at length', finishReason: 'length' };
    case 'length-text':
      return { text: 'The answer is', finishReason: 'length' };
    case 'length-cut-call':
      return {
        stream: [
          { type: 'tool-call-start', id: `cut_${index}`, name: spec.tool },
          { type: 'tool-call-delta', id: `cut_${index}`, argumentsDelta: '{"n": 1' },
          { type: 'finish', finishReason: 'length' },
        ],
      };
    case 'content-filter':
      return { finishReason: 'content-filter' };
    case 'model-throws':
      return { error: spec.error };
    case 'stream-error':
      return { text: 'partial answer', streamError: spec.error };
    case 'truncated':
      return { text: 'partial', truncate: true };
    case 'malformed':
      return {
        stream: [
          { type: 'text', text: 'a' },
          { type: 'malformed', data: '{"type":' },
        ],
      };
  }
}

function behave(behaviour: ToolBehaviour, n: number): unknown {
  switch (behaviour) {
    case 'text':
      return `n is ${n}`;
    case 'json':
      return { n, doubled: n * 2 };
    case 'undefined':
      return undefined;
    case 'circular': {
      const value: { self?: unknown } = {};
      value.self = value;
      return value;
    }
    case 'bigint':
      return { n: BigInt(n) };
    case 'function':
      return () => n;
    case 'throw-error':
      throw new Error('tool failed');
    case 'throw-string':
      throw 'tool failed';
    case 'throw-undefined':
      throw undefined;
    case 'throw-object':
      throw { code: 42 };
    case 'tool-error':
      throw new ToolError('Try another n.');
    case 'reject':
      return Promise.reject(new RangeError('async failure'));
    case 'hang':
      return new Promise(() => undefined);
    case 'late':
      return new Promise((resolve) => setTimeout(() => resolve('too late'), 30));
  }
}

const toolBehaviour = fc.constantFrom<ToolBehaviour>(
  'text',
  'json',
  'undefined',
  'circular',
  'bigint',
  'function',
  'throw-error',
  'throw-string',
  'throw-undefined',
  'throw-object',
  'tool-error',
  'reject',
  'hang',
  'late',
);

const scenario = fc.record({
  turns: fc.array(turnSpec, { minLength: 1, maxLength: 8 }),
  behaviours: fc.array(toolBehaviour, { minLength: 1, maxLength: 6 }),
  maxTurns: fc.integer({ min: 1, max: 6 }),
  toolConcurrency: fc.constantFrom(1, 2, Infinity),
  withOutputSchema: fc.boolean(),
  read: fc.constantFrom('prompt' as const, 'stream-items' as const, 'stream-final' as const, 'text-stream' as const),
});

const answerSchema = {
  type: 'object',
  properties: { score: { type: 'number' }, label: { type: 'string' } },
  required: ['score', 'label'],
} as const;

type Outcome = { answer: string | CompletionResponse } | { error: unknown };

async function settle(run: () => Promise<string | CompletionResponse>): Promise<Outcome> {
  try {
    return { answer: await run() };
  } catch (error) {
    return { error };
  }
}

describe('an agent run, property-based', () => {
  it('ends within maxTurns model calls with an answer or a PromptError, whatever the model and the tools do', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ turns, behaviours, maxTurns, toolConcurrency, withOutputSchema, read }) => {
        runs++;
        const model = new MockCompletionModel((call) => toMockTurn(turns[call.index % turns.length]!, call.index));
        let toolCalls = 0;
        const tools = (['alpha', 'beta'] as const).map((name) =>
          tool({
            name,
            description: `the ${name} tool`,
            parameters: jsonSchema<{ n: number }>({
              type: 'object',
              properties: { n: { type: 'integer' } },
              required: ['n'],
              additionalProperties: false,
            }),
            execute: ({ n }: { n: number }) => behave(behaviours[toolCalls++ % behaviours.length]!, n),
          }),
        );
        const builder = new AgentBuilder(model).tools(tools).toolTimeoutMs(5);
        if (withOutputSchema) builder.outputSchema({ name: 'Answer', jsonSchema: answerSchema });
        const agent = builder.build();
        const options = { maxTurns, toolConcurrency };

        const outcome = await settle(async () => {
          if (read === 'prompt') return agent.prompt('go', options);
          const stream = await agent.streamPrompt('go', options);
          if (read === 'stream-final') return stream.final;
          if (read === 'text-stream') {
            let text = '';
            for await (const piece of stream.textStream) text += piece;
            return text;
          }
          for await (const _item of stream);
          return stream.final;
        });

        expect(model.calls.length).toBeGreaterThanOrEqual(1);
        expect(model.calls.length).toBeLessThanOrEqual(maxTurns);
        if ('error' in outcome) {
          if (!PromptError.isInstance(outcome.error))
            throw new Error(`the run ended with something other than a PromptError: ${String(outcome.error)}`, {
              cause: outcome.error,
            });
          const error = outcome.error;
          expect(['completion', 'max-turns', 'tool']).toContain(error.kind);
          if (error.kind === 'max-turns') expect(model.calls.length).toBe(maxTurns);
          if (error.kind === 'completion') expect(CompletionError.isInstance(error.cause)).toBe(true);
        } else if (typeof outcome.answer !== 'string') expect(outcome.answer.choice.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 1616 },
    );
    expect(runs).toBe(300);
  }, 120_000);
});
