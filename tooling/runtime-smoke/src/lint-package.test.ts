import { describe, expect, it } from 'vitest';
import { lintPackage } from './lint-package.js';
import { packFixture } from './test-utils/pack-fixture.js';

describe('lintPackage', () => {
  it('finds nothing in a clean package', async () => {
    expect(await lintPackage(await packFixture('clean-package'))).toEqual([]);
  });

  it('reports a types condition placed after import', async () => {
    expect(await lintPackage(await packFixture('broken-package'))).toEqual([
      'publint error EXPORTS_TYPES_SHOULD_BE_FIRST: pkg.exports["."].types should be the first in the object as conditions are order-sensitive so it can be resolved by TypeScript.',
    ]);
  });
});
