import { ToolError } from 'rig-ts';
import { describe, expect, it } from 'vitest';
import { calculate, calculatorTool, fakeWeather, weatherTool } from './demo-tools.js';
import { Calculation, WeatherQuery } from './schemas.gen.js';

describe('the demo tools', () => {
  it('weather is made up but the same for a city every time, whatever its case', () => {
    expect(fakeWeather('Paris')).toMatch(/^Paris: (sunny|partly cloudy|overcast|light rain|windy|foggy), -?\d+ °C$/);
    expect(fakeWeather('Paris')).toBe(fakeWeather('Paris'));
    expect(fakeWeather('PARIS').slice(5)).toBe(fakeWeather('paris').slice(5));
    expect(weatherTool.execute({ city: 'Oslo' }, undefined as never)).toBe(fakeWeather('Oslo'));
  });

  it('the calculator applies each operation, and reports a division by zero to the model', () => {
    expect([
      calculate({ operation: 'add', a: 6, b: 7 }),
      calculate({ operation: 'subtract', a: 6, b: 7 }),
      calculate({ operation: 'multiply', a: 6, b: 7 }),
      calculate({ operation: 'divide', a: 7, b: 2 }),
    ]).toEqual([13, -1, 42, 3.5]);
    expect(calculatorTool.execute({ operation: 'multiply', a: 6, b: 7 }, undefined as never)).toBe('42');
    let error: unknown;
    try {
      calculate({ operation: 'divide', a: 1, b: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(ToolError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('cannot divide by zero');
  });

  it('validate their arguments with the generated schemas', () => {
    expect(weatherTool.parameters).toBe(WeatherQuery);
    expect(calculatorTool.parameters).toBe(Calculation);
    expect(WeatherQuery.validate({ city: 'Paris' })).toEqual({ success: true, value: { city: 'Paris' } });
    expect(Calculation.validate({ operation: 'modulo', a: 1, b: 2 }).success).toBe(false);
  });
});
