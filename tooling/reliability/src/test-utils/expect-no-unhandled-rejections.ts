import { afterAll, expect } from 'vitest';

/**
 * Records every unhandled rejection in this test file's process from now on, and fails the file after its last test
 * when there was any (a promise some fault left unobserved).
 */
export function expectNoUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled, 'unhandled rejections').toEqual([]);
  });
}
