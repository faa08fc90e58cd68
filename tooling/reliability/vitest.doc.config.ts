import { defineConfig } from 'vitest/config';

/** `pnpm --filter @rig-ts/reliability doc`: writes RELIABILITY.md from the matrix and the soak results. */
export default defineConfig({
  test: {
    include: ['src/reliability-doc.test.ts'],
    env: { RIG_WRITE_DOC: '1' },
  },
});
