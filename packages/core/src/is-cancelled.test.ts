import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { PromptError } from './errors/prompt-error.js';
import { StructuredOutputError } from './errors/structured-output-error.js';
import { isCancelled } from './is-cancelled.js';

describe('isCancelled', () => {
  it('recognizes the reasons an aborted signal gives by default and for a timeout', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isCancelled(controller.signal.reason)).toBe(true);
    expect(isCancelled(new DOMException('late', 'TimeoutError'))).toBe(true);
    const nodeStyle = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(isCancelled(nodeStyle)).toBe(true);
  });

  it('recognizes a caller’s own reason when given the signal, and nothing else that signal did not abort with', () => {
    const controller = new AbortController();
    const reason = { why: 'user left' };
    expect(isCancelled(reason, controller.signal)).toBe(false);
    controller.abort(reason);
    expect(isCancelled(reason)).toBe(false);
    expect(isCancelled(reason, controller.signal)).toBe(true);
    expect(isCancelled({ why: 'user left' }, controller.signal)).toBe(false);
    const withString = new AbortController();
    withString.abort('stop');
    expect(isCancelled('stop', withString.signal)).toBe(true);
  });

  it('recognizes a hook’s stop, also inside a typed-output error, and no failure', () => {
    const stopped = new PromptError({
      kind: 'cancelled',
      message: 'the run was stopped by a hook: budget',
      reason: 'budget',
    });
    expect(isCancelled(stopped)).toBe(true);
    expect(isCancelled(new StructuredOutputError({ kind: 'completion', message: 'x', cause: stopped }))).toBe(true);
    const timeout = new CompletionError({
      kind: 'http',
      message: 'OpenAI call POST http://x timed out after 10 ms (timeoutMs)',
    });
    expect(isCancelled(timeout)).toBe(false);
    expect(isCancelled(new PromptError({ kind: 'completion', message: 'x', cause: timeout }))).toBe(false);
    expect(isCancelled(new StructuredOutputError({ kind: 'completion', message: 'x', cause: timeout }))).toBe(false);
    expect(isCancelled(new PromptError({ kind: 'max-turns', message: 'x', maxTurns: 1, history: [] }))).toBe(false);
    for (const value of [undefined, null, 'AbortError', 0, new Error('AbortError'), new TypeError('x'), {}])
      expect(isCancelled(value)).toBe(false);
  });
});
