import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';

describe('formatTable', () => {
  it('draws a box around the padded cells', () => {
    expect(
      formatTable(
        ['field', 'value'],
        [
          ['score', '0.9'],
          ['label', 'positive'],
        ],
      ),
    ).toBe(
      [
        '┌───────┬──────────┐',
        '│ field │ value    │',
        '├───────┼──────────┤',
        '│ score │ 0.9      │',
        '│ label │ positive │',
        '└───────┴──────────┘',
      ].join('\n'),
    );
  });
});
