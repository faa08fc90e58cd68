import { describe, expect, it } from 'vitest';
import { parseModelFault } from './parse-model-fault.js';
import { SIMULATOR_FAULTS } from './read-simulator-settings.js';
import { SimRequestError } from './sim-conversation.js';

describe('parseModelFault', () => {
  it.each([
    ['gpt-4o-fault-401', { fault: '401', count: undefined, model: 'gpt-4o' }],
    ['gpt-4o-fault-503-2x', { fault: '503', count: 2, model: 'gpt-4o' }],
    ['sim-fault-slow-first-byte-3x', { fault: 'slow-first-byte', count: 3, model: 'sim' }],
    ['claude-sonnet-4-5-fault-no-end', { fault: 'no-end', count: undefined, model: 'claude-sonnet-4-5' }],
    ['sim-llama-fault-404:latest', { fault: '404', count: undefined, model: 'sim-llama:latest' }],
    ['models.gemini_fault-cut', { fault: 'cut', count: undefined, model: 'models.gemini' }],
    ['fault-stall', { fault: 'stall', count: undefined, model: 'fault-stall' }],
  ])('%s asks for a fault', (model, expected) => {
    expect(parseModelFault(model, SIMULATOR_FAULTS)).toEqual(expected);
  });

  it.each(['gpt-4o', 'gpt-4o-faulty', 'default-model', 'my-default-503', 'rig-sim', ''])(
    '%j asks for none',
    (model) => {
      expect(parseModelFault(model, SIMULATOR_FAULTS)).toBeUndefined();
    },
  );

  it('refuses a fault it does not know, or a count of 0, naming the model id and the known faults', () => {
    const known = SIMULATOR_FAULTS.join(', ');
    expect(() => parseModelFault('gpt-4o-fault-418', SIMULATOR_FAULTS)).toThrow(
      new SimRequestError(
        `unknown simulator fault "418" in the model id "gpt-4o-fault-418": use one of ${known}`,
        'model',
      ),
    );
    expect(() => parseModelFault('gpt-4o-fault-5000', SIMULATOR_FAULTS)).toThrow(
      `unknown simulator fault "5000" in the model id "gpt-4o-fault-5000"`,
    );
    expect(() => parseModelFault('gpt-4o-fault-', SIMULATOR_FAULTS)).toThrow(
      `unknown simulator fault "" in the model id "gpt-4o-fault-"`,
    );
    expect(() => parseModelFault('gpt-4o-fault-401x', SIMULATOR_FAULTS)).toThrow(`unknown simulator fault "401x"`);
    expect(() => parseModelFault('gpt-4o-fault-503-0x', SIMULATOR_FAULTS)).toThrow(
      'the fault count in the model id "gpt-4o-fault-503-0x" must be at least 1 (as in -503-1x)',
    );
    const error = (() => {
      try {
        parseModelFault('x-fault-teapot', SIMULATOR_FAULTS);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ status: 400, param: 'model' });
  });
});
