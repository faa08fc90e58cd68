import { describe, expect, it } from 'vitest';
import { requestError } from './request-error.js';

/**
 * Registers the check that `completionModel` refuses the `api` option it took before each API got its own function:
 * `call` passes it, and must throw (before anything is sent) a `CompletionError` of kind `request` on path `api`
 * with exactly `message`, which names the function to call instead.
 */
export function describeRefusedApiOption(call: () => unknown, message: string): void {
  describe('the api option of completionModel', () => {
    it('is refused with a request error naming the function that replaced it', () => {
      expect(requestError(call)).toMatchObject({ kind: 'request', path: 'api', message });
    });
  });
}
