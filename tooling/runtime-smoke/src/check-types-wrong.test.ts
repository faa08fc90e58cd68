import { describe, expect, it } from 'vitest';
import { checkTypesWrong } from './check-types-wrong.js';
import { packFixture } from './test-utils/pack-fixture.js';

describe('checkTypesWrong', () => {
  it('finds nothing in a clean ES-module package (CommonJS resolutions are out of scope)', async () => {
    expect(await checkTypesWrong(await packFixture('clean-package'))).toEqual([]);
  });

  it('reports declarations that do not resolve under node16', async () => {
    expect(await checkTypesWrong(await packFixture('broken-package'))).toEqual([
      'attw InternalResolutionError (node16): Internal resolution error https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/InternalResolutionError.md',
    ]);
  });

  it('reports a package without types', async () => {
    expect(await checkTypesWrong(await packFixture('untyped-package'))).toEqual([
      'attw: untyped-package ships no types',
    ]);
  });
});
