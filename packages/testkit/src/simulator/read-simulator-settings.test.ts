import { describe, expect, it } from 'vitest';
import { readSimulatorSettings, SIMULATOR_FAULTS } from './read-simulator-settings.js';
import { SimRequestError } from './sim-conversation.js';

const none = {
  fault: undefined,
  faultCount: undefined,
  chunkSize: undefined,
  delayMs: undefined,
  retryAfter: undefined,
};

describe('readSimulatorSettings', () => {
  it('reads nothing from plain requests', () => {
    expect(readSimulatorSettings({}, 'gpt-4o')).toEqual(none);
    expect(readSimulatorSettings({}, undefined)).toEqual(none);
  });

  it('reads every x-sim header', () => {
    expect(
      readSimulatorSettings(
        {
          'x-sim-fault': 'cut',
          'x-sim-fault-count': '2',
          'x-sim-chunk-size': '5',
          'x-sim-delay-ms': '0',
          'x-sim-retry-after': 'date:3',
        },
        'gpt-4o',
      ),
    ).toEqual({ fault: 'cut', faultCount: 2, chunkSize: 5, delayMs: 0, retryAfter: 'date:3' });
  });

  it('finds a fault in the model id, with an optional count', () => {
    const table: [string, string | undefined, number | undefined][] = [
      ['gpt-4o-fault-429', '429', undefined],
      ['sim-fault-no-end', 'no-end', undefined],
      ['sim-fault-slow-first-byte-3x', 'slow-first-byte', 3],
      ['claude-fault-529-1x', '529', 1],
      ['fault-stall', 'stall', undefined],
      ['gpt-4o-faulty', undefined, undefined],
    ];
    for (const [model, fault, faultCount] of table)
      expect({ model, ...readSimulatorSettings({}, model) }).toEqual({ model, ...none, fault, faultCount });
  });

  it('the header wins over the model id; an explicit count wins over the model count', () => {
    expect(readSimulatorSettings({ 'x-sim-fault': '500' }, 'gpt-fault-429-2x')).toMatchObject({
      fault: '500',
      faultCount: undefined,
    });
    expect(readSimulatorSettings({ 'x-sim-fault-count': '5' }, 'gpt-fault-429-2x')).toMatchObject({
      fault: '429',
      faultCount: 5,
    });
  });

  it('an unknown fault is an error in the model id as in the header, even when the header names a known one', () => {
    expect(() => readSimulatorSettings({}, 'gpt-4o-fault-418')).toThrow(
      `unknown simulator fault "418" in the model id "gpt-4o-fault-418": use one of ${SIMULATOR_FAULTS.join(', ')}`,
    );
    expect(() => readSimulatorSettings({ 'x-sim-fault': '500' }, 'gpt-4o-fault-teapot')).toThrow(
      'unknown simulator fault "teapot" in the model id',
    );
    expect(() => readSimulatorSettings({ 'x-sim-fault': '418' }, 'gpt-4o')).toThrow(
      `unknown simulator fault "418" (x-sim-fault): use one of ${SIMULATOR_FAULTS.join(', ')}`,
    );
    expect(readSimulatorSettings({}, 'gpt-4o-fault-401')).toEqual({ ...none, fault: '401' });
    expect(readSimulatorSettings({ 'x-sim-fault': '404' }, 'gpt-4o')).toEqual({ ...none, fault: '404' });
  });

  it('rejects bad values with a message naming the header', () => {
    expect(() => readSimulatorSettings({ 'x-sim-delay-ms': '-1' }, undefined)).toThrow(
      new SimRequestError('x-sim-delay-ms must be an integer of at least 0 (got "-1")'),
    );
    expect(() => readSimulatorSettings({ 'x-sim-fault-count': '0' }, undefined)).toThrow(
      'x-sim-fault-count must be an integer of at least 1 (got "0")',
    );
    expect(() => readSimulatorSettings({ 'x-sim-chunk-size': 'big' }, undefined)).toThrow(
      'x-sim-chunk-size must be an integer of at least 1 (got "big")',
    );
  });
});
