import { describe, expect, it } from 'vitest';
import { readPromptFacts } from './read-prompt-facts.js';

describe('readPromptFacts', () => {
  it('reads the demo prompts', () => {
    expect(readPromptFacts('What is the weather in Paris?')).toEqual({
      text: 'What is the weather in Paris?',
      words: ['what', 'is', 'the', 'weather', 'in', 'paris'],
      numbers: [],
      places: ['Paris'],
      operation: undefined,
      sentiment: 0,
    });
    expect(readPromptFacts('calculator: 6 times 7')).toEqual({
      text: 'calculator: 6 times 7',
      words: ['calculator', '6', 'times', '7'],
      numbers: [6, 7],
      places: [],
      operation: 'multiply',
      sentiment: 0,
    });
    expect(readPromptFacts("  Analyze the sentiment of: 'I love this product!' ")).toMatchObject({
      text: "Analyze the sentiment of: 'I love this product!'",
      places: [],
      numbers: [],
      sentiment: 0.75,
    });
  });

  it.each([
    ['Weather in New York and in São Paulo today?', ['New York', 'São Paulo']],
    ['Is it raining at Heathrow?', ['Heathrow']],
    ['Flights from Berlin to Rome', ['Berlin', 'Rome']],
    ['Paris weather please', []],
    ['tell me about the weather near Lake Geneva.', ['Lake Geneva']],
    ['compare the weather of Lyon with Marseille', ['Lyon', 'Marseille']],
    ['What is the weather?', []],
    ['I think so. Tokyo is nice', []],
    ['Use GET_TIME and get_weather for NYC', []],
    ['call myTool in Rome_2', []],
  ])('places in %j', (prompt, places) => {
    expect(readPromptFacts(prompt).places).toEqual(places);
  });

  it.each([
    ['6 times 7', [6, 7], 'multiply'],
    ['six times seven', [6, 7], 'multiply'],
    ['What is 6*7?', [6, 7], 'multiply'],
    ['6 x 7', [6, 7], 'multiply'],
    ['12 divided by 4', [12, 4], 'divide'],
    ['12 / 4', [12, 4], 'divide'],
    ['add 2.5 and -3', [2.5, -3], 'add'],
    ['2 + 2', [2, 2], 'add'],
    ['10 minus 3', [10, 3], 'subtract'],
    ['10 - 3', [10, 3], 'subtract'],
    ['use gpt-4o on 2024-05-01 with v2', [], undefined],
    ['it costs 3.', [3], undefined],
    ['one of the best', [1], undefined],
  ])('numbers and operation in %j', (prompt, numbers, operation) => {
    const facts = readPromptFacts(prompt);
    expect([facts.numbers, facts.operation]).toEqual([numbers, operation]);
  });

  it('reads an empty prompt as no facts', () => {
    expect(readPromptFacts('')).toEqual({
      text: '',
      words: [],
      numbers: [],
      places: [],
      operation: undefined,
      sentiment: 0,
    });
  });
});
