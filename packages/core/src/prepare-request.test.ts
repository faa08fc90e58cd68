import { describe, expect, it, vi } from 'vitest';
import type { CompletionRequest } from './completion-request.js';
import { CompletionError } from './errors/completion-error.js';
import { Message } from './message.js';
import { prepareRequest } from './prepare-request.js';
import { requestError } from './test-utils/request-error.js';

const valid: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

describe('prepareRequest', () => {
  it('returns what building returns for a valid request', () => {
    const build = vi.fn(() => ({ body: { model: 'm' }, warnings: [] }));
    expect(prepareRequest(valid, build)).toEqual({ body: { model: 'm' }, warnings: [] });
    expect(build).toHaveBeenCalledOnce();
  });

  it('rejects an invalid request before building anything', () => {
    const build = vi.fn(() => 'built');
    const error = requestError(() => prepareRequest({ ...valid, chatHistory: [] as never }, build));
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      message: 'chatHistory is empty: a request needs a prompt',
      path: 'chatHistory',
    });
    expect(build).not.toHaveBeenCalled();
  });

  it('turns what building throws into a request error with the original as cause', () => {
    const cause = new TypeError('request.tools is not iterable');
    const build = () => {
      throw cause;
    };
    const { name, kind, isRetryable, message, cause: kept } = requestError(() => prepareRequest(valid, build));
    expect({ name, kind, isRetryable, message, cause: kept }).toEqual({
      name: 'CompletionError.Request',
      kind: 'request',
      isRetryable: false,
      message: 'the request cannot be read: request.tools is not iterable',
      cause,
    });
  });

  it('lets a rig-ts error thrown while building pass through unchanged', () => {
    const invalid = new CompletionError({ kind: 'request', message: 'documents[0] cannot be sent' });
    expect(() =>
      prepareRequest(valid, () => {
        throw invalid;
      }),
    ).toThrow(invalid);
  });
});
