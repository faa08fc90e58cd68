import { describe, expect, it } from 'vitest';
import { azurePath } from './azure-url.js';

describe('azurePath', () => {
  it.each([
    ['/responses', 'gpt-4o', 'v1', false, '/v1/responses?api-version=v1'],
    ['/chat/completions', 'gpt-4o', 'v1', false, '/v1/chat/completions?api-version=v1'],
    [
      '/chat/completions',
      'my deployment',
      '2024-10-21',
      true,
      '/deployments/my%20deployment/chat/completions?api-version=2024-10-21',
    ],
    [
      '/responses',
      'gpt-5-mini',
      '2025-04-01-preview',
      true,
      '/deployments/gpt-5-mini/responses?api-version=2025-04-01-preview',
    ],
  ] as const)(
    '%s of %s (api-version %s, deployment URLs %s)',
    (endpoint, deployment, version, deploymentUrls, expected) => {
      expect(azurePath(endpoint, deployment, version, deploymentUrls)).toBe(expected);
    },
  );
});
