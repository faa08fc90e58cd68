import * as agent from '@rig-ts/agent';
import * as core from '@rig-ts/core';
import * as streaming from '@rig-ts/streaming';
import * as typed from '@rig-ts/typed';
import { describe, expectTypeOf, it } from 'vitest';
import * as rig from './index.js';

interface Person {
  name: string;
}
declare const model: rig.CompletionModel;
declare const Person: rig.TypedSchema<Person>;

describe('the facade re-exports the packages’ own values and types, unchanged', () => {
  it('values are the same functions and classes, with the same signatures', () => {
    expectTypeOf(rig.Message).toEqualTypeOf(core.Message);
    expectTypeOf(rig.CompletionError).toEqualTypeOf(core.CompletionError);
    expectTypeOf(rig.OneOrMany).toEqualTypeOf(core.OneOrMany);
    expectTypeOf(rig.streamFromItems).toEqualTypeOf(streaming.streamFromItems);
    expectTypeOf(rig.promptTyped).toEqualTypeOf(typed.promptTyped);
    expectTypeOf(rig.fromStandardSchema).toEqualTypeOf(typed.fromStandardSchema);
    expectTypeOf(rig.tool).toEqualTypeOf(agent.tool);
    expectTypeOf(rig.AgentBuilder).toEqualTypeOf(agent.AgentBuilder);
  });

  it('types are the same types', () => {
    expectTypeOf<rig.CompletionResponse<{ a: 1 }>>().toEqualTypeOf<core.CompletionResponse<{ a: 1 }>>();
    expectTypeOf<rig.StreamedAssistantContent>().toEqualTypeOf<core.StreamedAssistantContent>();
    expectTypeOf<rig.TypedSchema<Person>>().toEqualTypeOf<typed.TypedSchema<Person>>();
    expectTypeOf<rig.Tool<Person>>().toEqualTypeOf<agent.Tool<Person>>();
    expectTypeOf<rig.PromptResponse>().toEqualTypeOf<agent.PromptResponse>();
  });

  it('inference works through the facade', () => {
    expectTypeOf(rig.promptTyped(model, Person, 'who?')).resolves.toEqualTypeOf<Person>();
    const lookup = rig.tool({ name: 'lookup', description: 'x', parameters: Person, execute: (args) => args.name });
    expectTypeOf(lookup).toEqualTypeOf<rig.Tool<Person, unknown>>();
    expectTypeOf(
      new rig.AgentBuilder(model).build().prompt('hi', { extendedDetails: true }),
    ).resolves.toEqualTypeOf<rig.PromptResponse>();
  });

  it('leaves the provider authors’ helpers out', () => {
    // @ts-expect-error StreamAccumulator is on @rig-ts/streaming/internal, not in the facade
    void rig.StreamAccumulator;
    // @ts-expect-error readResponse is on @rig-ts/core/internal, not in the facade
    void rig.readResponse;
  });
});
