import { tool, ToolError } from 'rig-ts';
import { Calculation, WeatherQuery } from './schemas.gen.js';

const CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy', 'foggy'];

/** Made-up weather, the same for the same city every time (a demo needs no weather service). */
export function fakeWeather(city: string): string {
  let hash = 0;
  for (const character of city.trim().toLowerCase()) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return `${city}: ${CONDITIONS[hash % CONDITIONS.length]}, ${(hash % 30) - 3} °C`;
}

/** Applies one arithmetic operation; dividing by zero is reported to the model as a tool error. */
export function calculate({ operation, a, b }: Calculation): number {
  switch (operation) {
    case 'add':
      return a + b;
    case 'subtract':
      return a - b;
    case 'multiply':
      return a * b;
    case 'divide':
      if (b === 0) throw new ToolError('cannot divide by zero');
      return a / b;
  }
}

export const weatherTool = tool({
  name: 'weather',
  description: 'The current weather in a city (demo data: made up, but stable for each city).',
  parameters: WeatherQuery,
  execute: ({ city }) => fakeWeather(city),
});

export const calculatorTool = tool({
  name: 'calculator',
  description: 'Adds, subtracts, multiplies or divides two numbers exactly.',
  parameters: Calculation,
  execute: (calculation) => String(calculate(calculation)),
});
