// Lint rules CI enforces (`pnpm lint`, run by `pnpm test`): type-aware checks that catch what the compiler lets
// through. Formatting (line length among it) is Prettier's job (`.prettierrc.json`), so no style rule lives here.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/*.gen.ts',
      'tooling/fixtures/data/**',
      '**/*.mjs',
      '**/*.js',
      '**/*.d.ts',
      '**/vitest*.config.ts',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A switch over a union names every member, or a `default` that proves the rest impossible (`never`).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // A promise is awaited, returned, or handed to `void` on purpose: a rejection never goes unobserved.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Types come in through `import type` / `type` specifiers, so bundles never keep an import only for a type.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
);
