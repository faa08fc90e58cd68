import { describe, expect, it } from 'vitest';
import { unsentMetadataWarnings } from './unsent-metadata-warnings.js';

describe('unsentMetadataWarnings', () => {
  it('warns once when metadata was given, even empty', () => {
    const warning = { type: 'unsupported', feature: 'metadata', details: 'Acme takes none; it was not sent' };
    expect(unsentMetadataWarnings({ team: 'a' }, 'Acme takes none; it was not sent')).toEqual([warning]);
    expect(unsentMetadataWarnings({}, 'Acme takes none; it was not sent')).toEqual([warning]);
  });

  it('says nothing without metadata', () => {
    expect(unsentMetadataWarnings(undefined, 'Acme takes none; it was not sent')).toEqual([]);
  });
});
