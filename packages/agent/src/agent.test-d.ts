import type { CompletionModel, StreamingCompletionResponse } from '@rig-ts/core';
import type { TypedSchema } from '@rig-ts/typed';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AgentBuilder,
  tool,
  toolContent,
  type Agent,
  type PromptResponse,
  type Tool,
  type ToolContext,
} from './index.js';

interface WeatherArguments {
  city: string;
  unit?: 'celsius' | 'fahrenheit';
}
declare const WeatherArguments: TypedSchema<WeatherArguments>;
declare const model: CompletionModel;

describe('tool() infers the arguments from its parameters', () => {
  it('types execute arguments and keeps them on the tool', () => {
    const weather = tool({
      name: 'weather',
      description: 'The weather in a city',
      parameters: WeatherArguments,
      execute: (args, context) => {
        expectTypeOf(args).toEqualTypeOf<WeatherArguments>();
        expectTypeOf(context).toEqualTypeOf<ToolContext<unknown>>();
        expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
        return { city: args.city, temperature: 21 };
      },
    });
    expectTypeOf(weather).toEqualTypeOf<Tool<WeatherArguments, unknown>>();
  });

  it('types the run context a tool reads, and any output (text, JSON, toolContent)', () => {
    const withContext = tool<WeatherArguments, { userId: string }>({
      name: 'mine',
      description: 'reads the user',
      parameters: WeatherArguments,
      execute: (_args, { context }) => {
        expectTypeOf(context).toEqualTypeOf<{ userId: string }>();
        return toolContent([{ type: 'text', text: context.userId }]);
      },
    });
    const agent = new AgentBuilder<{ userId: string }>(model).tool(withContext).build();
    expectTypeOf(agent).toEqualTypeOf<Agent<{ userId: string }>>();
    void agent.prompt('hi', { context: { userId: 'u1' } });
    // @ts-expect-error the run context is the agent's
    void agent.prompt('hi', { context: { userId: 1 } });
  });

  it('refuses execute arguments that are not the parameters', () => {
    tool({
      name: 'weather',
      description: 'The weather in a city',
      parameters: WeatherArguments,
      // @ts-expect-error the arguments are WeatherArguments, with no `zip`
      execute: ({ zip }) => zip,
    });
    // @ts-expect-error parameters is a TypedSchema, not a bare JSON Schema
    tool({ name: 'bare', description: 'x', parameters: { type: 'object' }, execute: () => 'x' });
  });
});

describe('Agent', () => {
  const agent = new AgentBuilder(model).preamble('be brief').build();

  it('prompt and chat answer text, or every detail with extendedDetails: true', () => {
    expectTypeOf(agent.prompt('hi')).resolves.toEqualTypeOf<string>();
    expectTypeOf(agent.prompt('hi', { maxTurns: 3 })).resolves.toEqualTypeOf<string>();
    expectTypeOf(agent.prompt('hi', { extendedDetails: true })).resolves.toEqualTypeOf<PromptResponse>();
    expectTypeOf(agent.chat('hi', [], { extendedDetails: true })).resolves.toEqualTypeOf<PromptResponse>();
    expectTypeOf(agent.chat('hi', [])).resolves.toEqualTypeOf<string>();
  });

  it('promptTyped infers T from the schema; streams are the core streaming response', () => {
    expectTypeOf(agent.promptTyped(WeatherArguments, 'where?')).resolves.toEqualTypeOf<WeatherArguments>();
    expectTypeOf(agent.streamPrompt('hi')).resolves.toEqualTypeOf<StreamingCompletionResponse>();
    // @ts-expect-error maxTurns is a number
    void agent.prompt('hi', { maxTurns: 'many' });
  });
});
