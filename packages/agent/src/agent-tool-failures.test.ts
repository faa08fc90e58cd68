import { CompletionError, Message, PromptError } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import type { TypedSchema } from '@rig-ts/typed';
import { describe, expect, it } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { Agent } from './agent.js';
import { AgentBuilder } from './agent-builder.js';
import type { AgentHook } from './agent-hook.js';
import { tool, type Tool } from './tool.js';
import { ToolError } from './tool-error.js';
import { toolFeedback } from './tool-feedback.js';
import { toolContent } from './tool-output.js';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { errorResult, lastResults } from './test-utils/tool-results.js';

const noArguments = jsonSchema({ type: 'object', properties: {} });

/** Runs one tool call of `returning` then an answer; returns what the model was sent and what the hook saw. */
async function runTool(execute: Tool['execute']) {
  const seen: { error?: unknown; hasError: boolean }[] = [];
  const hook: AgentHook = {
    afterToolResult: (event) => void seen.push({ error: event.error, hasError: 'error' in event }),
  };
  const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_1', name: 'subject' }] }, 'answered anyway']);
  const subject = tool({ name: 'subject', description: 'under test', parameters: noArguments, execute });
  const output = await new AgentBuilder(model).tool(subject).hook(hook).build().prompt('go');
  const results = lastResults(model.calls[1]!.request);
  return { output, results, seen, sent: JSON.stringify(model.calls[1]!.request) };
}

describe('tool failures are visible and never lose the conversation', () => {
  it.each([
    [
      'a circular object',
      () => {
        const value: { self?: unknown } = {};
        value.self = value;
        return value;
      },
    ],
    ['a BigInt', () => ({ count: 10n })],
    ['a function', () => () => 'x'],
    ['a symbol', () => Symbol('x')],
    [
      'a throwing toJSON',
      () => ({
        toJSON: () => {
          throw new Error('no json for you');
        },
      }),
    ],
    ['an empty toolContent', () => toolContent([] as never)],
    ['a toolContent with an unknown block', () => toolContent([{ type: 'video', data: 'x' } as never])],
  ])(
    'a result that cannot be serialized (%s) is an error result; the hook gets the exception',
    async (_name, execute) => {
      const { output, results, seen } = await runTool(execute);
      expect(output).toBe('answered anyway');
      expect(results).toEqual([errorResult('call_1', 'subject', toolFeedback.unserializable('subject'))]);
      expect(toolFeedback.unserializable('subject')).toBe(
        'Tool "subject" returned a result that cannot be sent (it is not JSON). Try again, or answer without it.',
      );
      expect(seen).toHaveLength(1);
      expect(seen[0]!.error).toBeInstanceOf(Error);
    },
  );

  const secret = 'password=hunter2';
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('hostile');
      },
      has() {
        throw new Error('hostile');
      },
      getPrototypeOf() {
        throw new Error('hostile');
      },
    },
  );
  it.each([
    ['an Error', new Error(secret)],
    ['a string', secret],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a plain object', { secret }],
    ['a hostile Proxy', hostile],
  ])('a tool throwing %s: the model sees a safe message, the hook the very value thrown', async (_name, thrown) => {
    const { output, results, seen, sent } = await runTool(() => {
      throw thrown;
    });
    expect(output).toBe('answered anyway');
    expect(results).toEqual([errorResult('call_1', 'subject', toolFeedback.failed('subject'))]);
    // Compared by identity: a hostile value throws on any other inspection.
    expect(seen.length === 1 && seen[0]!.hasError && seen[0]!.error === thrown).toBe(true);
    expect(sent).not.toContain('hunter2');
  });

  it('an async tool rejecting, and a ToolError, go back too; results without an exception give the hook no error field', async () => {
    const rejected = await runTool(() => Promise.reject(new RangeError('inner')));
    expect(rejected.seen).toEqual([{ error: new RangeError('inner'), hasError: true }]);
    const polite = await runTool(() => {
      throw new ToolError('Ask for a city I know.');
    });
    expect(polite.results[0]!.content).toEqual([{ type: 'text', text: 'Ask for a city I know.' }]);
    const fine = await runTool(() => 'ok');
    expect(fine.seen).toEqual([{ error: undefined, hasError: false }]);
  });

  it('a validator that throws fails the run with a tool PromptError carrying the conversation and the original exception', async () => {
    const bug = new Error('validator bug');
    const schema: TypedSchema<unknown> = {
      name: 'Args',
      jsonSchema: noArguments.jsonSchema,
      validate: () => {
        throw bug;
      },
    };
    const broken = tool({ name: 'broken', description: 'buggy validator', parameters: schema, execute: () => 'never' });
    const model = new MockCompletionModel([
      { text: 'Let me look.', toolCalls: [{ id: 'call_1', name: 'broken' }] },
      'never',
    ]);
    const error = await new AgentBuilder(model)
      .tool(broken)
      .build()
      .prompt('go')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PromptError.Tool', kind: 'tool', toolName: 'broken' });
    expect((error as Error).message).toBe(
      'tool "broken" cannot check its arguments: its validator failed: validator bug',
    );
    expect((error as Error).cause).toBe(bug);
    const history = (error as PromptError & { history: Message[] }).history;
    expect(history.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(history[1]).toMatchObject({
      content: [
        { type: 'text', text: 'Let me look.' },
        { type: 'tool-call', id: 'call_1' },
      ],
    });
    expect(model.calls).toHaveLength(1);
  });

  it('a TypedSchema validator that throws, or answers nonsense, fails the run the same way', async () => {
    for (const validate of [
      () => {
        throw new Error('validator bug');
      },
      () => undefined,
    ]) {
      const schema = { name: 'Args', jsonSchema: noArguments.jsonSchema, validate } as unknown as TypedSchema<unknown>;
      const model = new MockCompletionModel([{ toolCalls: [{ name: 'typed' }] }]);
      const error = await new AgentBuilder(model)
        .tool(tool({ name: 'typed', description: 'typed', parameters: schema, execute: () => 'x' }))
        .build()
        .prompt('go')
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'tool', toolName: 'typed' });
    }
  });

  it('a tool that is not one (no name, no execute, parameters that are no schema or cannot be serialized) is refused before any call', async () => {
    const circular: { [key: string]: unknown } = { type: 'object' };
    circular.properties = { self: circular };
    const bad: [unknown, string, string][] = [
      [{ description: 'x', parameters: noArguments, execute: () => 'x' }, 'tools[0] has no name', 'tools[0].name'],
      [
        { name: 'noExecute', description: 'x', parameters: noArguments },
        'tool "noExecute" has no execute function',
        'tools[0].execute',
      ],
      [
        { name: 'nullSchema', description: 'x', parameters: null, execute: () => 'x' },
        'tool "nullSchema" has parameters that are not a JSON Schema object',
        'tools[0].parameters',
      ],
      [
        { name: 'arraySchema', description: 'x', parameters: [], execute: () => 'x' },
        'tool "arraySchema" has parameters that are not a JSON Schema object',
        'tools[0].parameters',
      ],
      [
        {
          name: 'circular',
          description: 'x',
          parameters: { name: 'Circular', jsonSchema: circular, validate: () => ({ success: true, value: {} }) },
          execute: () => 'x',
        },
        'tool "circular" has a parameters schema that cannot be serialized to JSON',
        'tools[0].parameters',
      ],
      [
        { name: 'plainSchema', description: 'x', parameters: { type: 'object', properties: {} }, execute: () => 'x' },
        'tool "plainSchema": parameters must be a TypedSchema; wrap a plain JSON Schema with jsonSchema(schema) from @rig-ts/typed/ajv, or generate one with rig-schema',
        'tools[0].parameters',
      ],
      [null, 'tools[0] is not a tool object', 'tools[0]'],
    ];
    for (const [candidate, message, path] of bad) {
      const refusal = requestError(() => new AgentBuilder(new MockCompletionModel([])).tool(candidate as Tool).build());
      expect(refusal).toMatchObject({ kind: 'request', message, path });
      const model = new MockCompletionModel(() => 'never');
      const handMade = new Agent({ ...new AgentBuilder(model).build().config, tools: [candidate as Tool] });
      const error = await handMade.prompt('go').catch((caught: unknown) => caught);
      expect(PromptError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'tool',
        message,
        cause: { kind: 'request', path },
        history: [Message.user('go')],
      });
      expect(model.calls).toHaveLength(0);
    }
  });

  it('a PromptError a tool throws ends the run as it is', async () => {
    const ending = new PromptError({ kind: 'tool', message: 'the payment service refused', toolName: 'pay' });
    const model = new MockCompletionModel([{ toolCalls: [{ name: 'pay' }] }, 'never']);
    const pay = tool({
      name: 'pay',
      description: 'pays',
      parameters: noArguments,
      execute: () => Promise.reject(ending),
    });
    await expect(new AgentBuilder(model).tool(pay).build().prompt('go')).rejects.toBe(ending);
  });
});
