import { describe, expect, it } from 'vitest';
import { mergeAdditionalParams } from './merge-additional-params.js';
import { requestError } from './test-utils/request-error.js';

describe('mergeAdditionalParams', () => {
  it('adds new fields without a warning', () => {
    const body: { [key: string]: unknown } = { model: 'm' };
    expect(mergeAdditionalParams(body, { top_k: 3, metadata: { a: 1 } })).toEqual([]);
    expect(body).toEqual({ model: 'm', top_k: 3, metadata: { a: 1 } });
  });

  it('appends hosted tools to the function tools, and sets them when there are none', () => {
    const fn = { type: 'function', name: 'weather' };
    const body: { [key: string]: unknown } = { tools: [fn] };
    expect(mergeAdditionalParams(body, { tools: [{ type: 'web_search' }] }, { append: ['tools'] })).toEqual([]);
    expect(body.tools).toEqual([fn, { type: 'web_search' }]);
    const none: { [key: string]: unknown } = {};
    mergeAdditionalParams(none, { tools: [{ type: 'web_search' }] }, { append: ['tools'] });
    expect(none.tools).toEqual([{ type: 'web_search' }]);
  });

  it('replaces a field rig-ts set, and says so in a warning', () => {
    const body: { [key: string]: unknown } = { model: 'gpt-4o', temperature: 0.2, tools: [{ type: 'function' }] };
    expect(
      mergeAdditionalParams(body, { temperature: 1, model: 'gpt-5', tools: 'none' }, { append: ['tools'] }),
    ).toEqual([
      { type: 'other', message: 'additionalParams.temperature replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.model replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.tools replaced the value rig-ts built from the request' },
    ]);
    expect(body).toEqual({ model: 'gpt-5', temperature: 1, tools: 'none' });
  });

  it('merges object fields key by key, warning for each key it replaces', () => {
    const body: { [key: string]: unknown } = { generationConfig: { temperature: 0.2, maxOutputTokens: 10 } };
    expect(
      mergeAdditionalParams(body, { generationConfig: { temperature: 1, topK: 4 } }, { merge: ['generationConfig'] }),
    ).toEqual([
      {
        type: 'other',
        message: 'additionalParams.generationConfig.temperature replaced the value rig-ts built from the request',
      },
    ]);
    expect(body).toEqual({ generationConfig: { temperature: 1, maxOutputTokens: 10, topK: 4 } });
  });

  it('never replaces a field the call decides, and says so', () => {
    const body: { [key: string]: unknown } = { stream: true };
    expect(mergeAdditionalParams(body, { stream: false }, { keep: ['stream'] })).toEqual([
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ]);
    expect(body).toEqual({ stream: true });
  });

  it('sends a fresh JSON copy, and skips what JSON drops', () => {
    const metadata = { a: [1, 2] };
    const body: { [key: string]: unknown } = {};
    mergeAdditionalParams(body, { metadata, skipped: undefined as never, fn: (() => 1) as never });
    metadata.a.push(3);
    expect(body).toEqual({ metadata: { a: [1, 2] } });
  });

  it('refuses params it cannot read as JSON data with a request error naming the field', () => {
    const thrown = new Error('no');
    const getter = {
      get top_p(): number {
        throw thrown;
      },
    };
    expect(requestError(() => mergeAdditionalParams({}, getter as never))).toMatchObject({
      message: 'additionalParams.top_p is not JSON data: no',
      path: 'additionalParams.top_p',
    });
    const cycle: { [key: string]: unknown } = {};
    cycle.self = cycle;
    expect(requestError(() => mergeAdditionalParams({}, { metadata: cycle } as never)).message).toMatch(
      /^additionalParams\.metadata is not JSON data: Converting circular structure to JSON/,
    );
    expect(requestError(() => mergeAdditionalParams({}, { seed: 10n } as never)).message).toMatch(
      /^additionalParams\.seed is not JSON data: Do not know how to serialize a BigInt/,
    );
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(requestError(() => mergeAdditionalParams({}, revoked.proxy as never))).toMatchObject({
      path: 'additionalParams',
    });
    expect(requestError(() => mergeAdditionalParams({}, revoked.proxy as never)).message).toMatch(
      /^additionalParams cannot be read: /,
    );
  });
});
