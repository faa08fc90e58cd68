import { defineConfig } from 'vitest/config';

/** `pnpm soak`: the soak alone, at full size (10 000 sequential calls, 1 000 concurrent streams). */
export default defineConfig({
  test: {
    include: ['src/soak/soak.test.ts'],
    execArgv: ['--expose-gc'],
    env: { RIG_SOAK: 'full' },
  },
});
