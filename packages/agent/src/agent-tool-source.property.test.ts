import { PromptError } from '@rig-ts/core';
import { MockCompletionModel, type MockTurn } from '@rig-ts/testkit';
import { jsonSchema } from '@rig-ts/typed/ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import { tool, type Tool } from './tool.js';

// For any tool source behaviour per turn and any tool calls of the model, a run ends with an answer or a PromptError
// within maxTurns model calls, and the only tools that run are those offered on the turn that called them. Sources and
// tools get a 5 ms time limit so hanging ones cost little; nothing here depends on how fast the machine is.

type SourceBehaviour =
  | { kind: 'subset'; names: ('alpha' | 'beta' | 'gamma')[] }
  | { kind: 'throw' }
  | { kind: 'not-array' }
  | { kind: 'duplicate' }
  | { kind: 'static-clash' }
  | { kind: 'malformed' }
  | { kind: 'hang' }
  | { kind: 'late' };

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

const sourceBehaviour: fc.Arbitrary<SourceBehaviour> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('subset' as const),
      names: fc.subarray(['alpha', 'beta', 'gamma'] as ('alpha' | 'beta' | 'gamma')[]),
    }),
  },
  fc.constant({ kind: 'throw' as const }),
  fc.constant({ kind: 'not-array' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'static-clash' as const }),
  fc.constant({ kind: 'malformed' as const }),
  fc.constant({ kind: 'hang' as const }),
  fc.constant({ kind: 'late' as const }),
);

const turn: fc.Arbitrary<MockTurn> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).map((text): MockTurn => ({ text })) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 })
      .map((names): MockTurn => ({ toolCalls: names.map((name) => ({ name })) })),
  },
);

const scenario = fc.record({
  behaviours: fc.array(sourceBehaviour, { minLength: 1, maxLength: 6 }),
  turns: fc.array(turn, { minLength: 1, maxLength: 6 }),
  withStatic: fc.boolean(),
  maxTurns: fc.integer({ min: 1, max: 5 }),
  streaming: fc.boolean(),
});

describe('an agent run with a tool source, property-based', () => {
  it('ends with an answer or a PromptError, and runs only the tools offered on the turn that called them', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ behaviours, turns, withStatic, maxTurns, streaming }) => {
        runs++;
        const ran: { name: string; turn: number }[] = [];
        const make = (name: string): Tool =>
          tool({
            name,
            description: name,
            parameters: jsonSchema({ type: 'object' }),
            execute: (_args, context) => void ran.push({ name, turn: context.turn }),
          });
        const model = new MockCompletionModel((call) => turns[call.index % turns.length]!);
        const builder = new AgentBuilder(model).toolTimeoutMs(5);
        if (withStatic) builder.tool(make('delta'));
        builder.toolSource(({ turn: index }) => {
          const behaviour = behaviours[(index - 1) % behaviours.length]!;
          switch (behaviour.kind) {
            case 'subset':
              return behaviour.names.map(make);
            case 'throw':
              throw new Error('the index is down');
            case 'not-array':
              return { alpha: make('alpha') } as never;
            case 'duplicate':
              return [make('alpha'), make('alpha')];
            case 'static-clash':
              return [make('delta')];
            case 'malformed':
              return [{ name: 'alpha' } as never];
            case 'hang':
              return new Promise(() => undefined);
            case 'late':
              return new Promise((resolve) => setTimeout(() => resolve([make('alpha')]), 30));
          }
        });
        const agent = builder.build();

        let error: unknown;
        try {
          if (streaming) {
            const stream = await agent.streamPrompt('go', { maxTurns });
            for await (const _item of stream);
            await stream.final;
          } else await agent.prompt('go', { maxTurns });
        } catch (caught) {
          error = caught;
        }

        expect(model.calls.length).toBeLessThanOrEqual(maxTurns);
        if (error !== undefined) {
          if (!PromptError.isInstance(error))
            throw new Error(`the run ended with something other than a PromptError: ${String(error)}`, {
              cause: error,
            });
          expect(['max-turns', 'tool']).toContain(error.kind);
        }
        for (const { name, turn: calledOn } of ran) {
          expect(model.requests[calledOn - 1]!.tools.map((definition) => definition.name)).toContain(name);
        }
        // A static tool is offered on every turn a model call was made.
        if (withStatic) for (const request of model.requests) expect(request.tools[0]!.name).toBe('delta');
      }),
      { numRuns: 200, seed: 2121 },
    );
    expect(runs).toBe(200);
  }, 120_000);
});
