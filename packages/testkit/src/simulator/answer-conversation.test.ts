import { describe, expect, it } from 'vitest';
import { answerConversation, simulatedAnswer } from './answer-conversation.js';
import { SimRequestError, type SimConversation, type SimMessage, type SimTool } from './sim-conversation.js';

const weather: SimTool = {
  name: 'get_weather',
  description: 'Weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: SimTool = {
  name: 'get_time',
  description: '',
  parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['UTC', 'CET'] } } },
};

function conversation(messages: SimMessage[], extra: Partial<SimConversation> = {}): SimConversation {
  return {
    api: 'openai-chat',
    model: 'gpt-4o',
    stream: false,
    system: '',
    messages,
    tools: [],
    toolChoice: { type: 'auto' },
    output: undefined,
    maxOutputTokens: undefined,
    ...extra,
  };
}

const user = (text: string): SimMessage => ({ role: 'user', text });

describe('answerConversation (the deterministic model)', () => {
  it('answers the last user text with the fixed template', () => {
    expect(
      answerConversation(
        conversation([user('first'), { role: 'assistant', text: 'x', toolCalls: [] }, user('second')]),
      ),
    ).toEqual({
      reasoning: undefined,
      text: 'You said: "second". This is a simulated answer from the rig-ts simulator.',
      toolCalls: [],
      finish: 'stop',
      // "first" + "x" + "second" = 12 characters → 3 tokens; 73 characters → 19 tokens.
      inputTokens: 3,
      outputTokens: 19,
      reasoningTokens: 0,
    });
    expect(simulatedAnswer('')).toBe('You said: "". This is a simulated answer from the rig-ts simulator.');
  });

  it('calls every offered tool the prompt names (case-insensitive), in the order offered', () => {
    const answer = answerConversation(conversation([user('Use GET_TIME and get_weather')], { tools: [weather, time] }));
    expect(answer.toolCalls).toEqual([
      { name: 'get_weather', arguments: { city: 'city' } },
      { name: 'get_time', arguments: { zone: 'UTC' } },
    ]);
    expect(answer.text).toBeUndefined();
    expect(answer.finish).toBe('tool-calls');
    // "get_weather" 11 + '{"city":"city"}' 15 + "get_time" 8 + '{"zone":"UTC"}' 14 = 48 characters → 12 tokens.
    expect(answer.outputTokens).toBe(12);
  });

  it('with tool choice auto, a prompt naming no tool gets text', () => {
    expect(answerConversation(conversation([user('hello')], { tools: [weather] })).toolCalls).toEqual([]);
  });

  it('answers from the tool results that follow the prompt, one line each', () => {
    const messages: SimMessage[] = [
      user('use get_weather and get_time'),
      {
        role: 'assistant',
        text: '',
        toolCalls: [
          { id: 'a', name: 'get_weather', arguments: {} },
          { id: 'b', name: 'get_time', arguments: {} },
        ],
      },
      { role: 'tool', callId: 'a', name: 'get_weather', text: 'Sunny' },
      { role: 'tool', callId: 'b', name: undefined, text: '12:00' },
    ];
    const answer = answerConversation(conversation(messages, { tools: [weather, time] }));
    expect(answer.text).toBe('The get_weather tool returned: Sunny\nThe tool returned: 12:00');
    expect(answer.toolCalls).toEqual([]);
  });

  it('tool choice required calls the named tools, else the first offered (or allowed) one, even after results', () => {
    expect(
      answerConversation(
        conversation([user('anything')], { tools: [weather, time], toolChoice: { type: 'required' } }),
      ).toolCalls.map((call) => call.name),
    ).toEqual(['get_weather']);
    expect(
      answerConversation(
        conversation([user('get_time')], { tools: [weather, time], toolChoice: { type: 'required' } }),
      ).toolCalls.map((call) => call.name),
    ).toEqual(['get_time']);
    expect(
      answerConversation(
        conversation([user('anything')], {
          tools: [weather, time],
          toolChoice: { type: 'required', names: ['get_time'] },
        }),
      ).toolCalls.map((call) => call.name),
    ).toEqual(['get_time']);
    const afterResult: SimMessage[] = [
      user('x'),
      { role: 'assistant', text: '', toolCalls: [{ id: 'a', name: 'get_weather', arguments: {} }] },
      { role: 'tool', callId: 'a', name: 'get_weather', text: 'r' },
    ];
    expect(
      answerConversation(conversation(afterResult, { tools: [weather], toolChoice: { type: 'required' } })).toolCalls,
    ).toHaveLength(1);
  });

  it('a named tool choice calls that tool; an unknown one is a 400', () => {
    expect(
      answerConversation(
        conversation([user('x')], { tools: [weather, time], toolChoice: { type: 'tool', name: 'get_time' } }),
      ).toolCalls,
    ).toEqual([{ name: 'get_time', arguments: { zone: 'UTC' } }]);
    expect(() =>
      answerConversation(conversation([user('x')], { tools: [weather], toolChoice: { type: 'tool', name: 'nope' } })),
    ).toThrow(new SimRequestError('tool_choice names the tool "nope", which is not among the tools', 'tool_choice'));
  });

  it('tool choice none never calls', () => {
    expect(
      answerConversation(conversation([user('get_weather')], { tools: [weather], toolChoice: { type: 'none' } }))
        .toolCalls,
    ).toEqual([]);
  });

  it('an output schema turns the answer into a JSON instance; JSON mode wraps the text', () => {
    const schema = {
      type: 'object',
      properties: { score: { type: 'number', minimum: -1, maximum: 1 }, label: { type: 'string' } },
      required: ['score', 'label'],
    };
    expect(answerConversation(conversation([user('x')], { output: { schema } })).text).toBe(
      '{"score":1,"label":"label"}',
    );
    expect(answerConversation(conversation([user('x')], { output: { json: true } })).text).toBe(
      JSON.stringify({ answer: simulatedAnswer('x') }),
    );
  });

  it('takes tool arguments and typed values from the prompt where the schema allows', () => {
    const calculator: SimTool = {
      name: 'calculator',
      description: '',
      parameters: {
        type: 'object',
        properties: {
          operation: { type: 'string', enum: ['add', 'subtract', 'multiply', 'divide'] },
          a: { type: 'number' },
          b: { type: 'number' },
        },
        required: ['operation', 'a', 'b'],
      },
    };
    expect(
      answerConversation(conversation([user('What is the get_weather in Paris?')], { tools: [weather, calculator] }))
        .toolCalls,
    ).toEqual([{ name: 'get_weather', arguments: { city: 'Paris' } }]);
    expect(
      answerConversation(conversation([user('calculator: 6 times 7')], { tools: [weather, calculator] })).toolCalls,
    ).toEqual([{ name: 'calculator', arguments: { operation: 'multiply', a: 6, b: 7 } }]);
    const sentiment = {
      type: 'object',
      properties: {
        score: { type: 'number', minimum: -1, maximum: 1, description: 'The sentiment score' },
        label: { type: 'string', description: 'The sentiment label' },
      },
    };
    expect(
      answerConversation(
        conversation([user("Analyze the sentiment of: 'I love this product!'")], { output: { schema: sentiment } }),
      ).text,
    ).toBe('{"score":0.75,"label":"positive"}');
  });

  it('maxOutputTokens cuts the text at 4 characters per token and finishes with length', () => {
    const answer = answerConversation(conversation([user('hello')], { maxOutputTokens: 4 }));
    expect(answer).toMatchObject({ text: 'You said: "hello', finish: 'length', outputTokens: 4 });
    expect(answerConversation(conversation([user('hello')], { maxOutputTokens: 18 })).finish).toBe('stop');
  });

  it('reasoning models (name contains reasoning or think) reason first; reasoning counts in the output tokens', () => {
    for (const model of ['o3-reasoning', 'claude-THINK', 'thinker']) {
      const answer = answerConversation(conversation([user('hello')], { model }));
      expect(answer).toMatchObject({ reasoning: 'Thinking about: hello', reasoningTokens: 6, outputTokens: 18 + 6 });
    }
  });

  it('input tokens count the system text, messages, tool calls and tool definitions', () => {
    const messages: SimMessage[] = [
      user('abcd'),
      { role: 'assistant', text: 'ef', toolCalls: [{ id: 'a', name: 'f', arguments: { x: 1 } }] },
      { role: 'tool', callId: 'a', name: 'f', text: 'gh' },
    ];
    // system 4 + "abcd" 4 + "ef" 2 + "f" 1 + '{"x":1}' 7 + "gh" 2 + "get_weather" 11 + "Weather" 7 + parameters JSON 76 = 114 → 29.
    expect(answerConversation(conversation(messages, { system: 'sys!', tools: [weather] })).inputTokens).toBe(29);
  });
});
