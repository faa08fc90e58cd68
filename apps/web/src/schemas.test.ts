import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemas } from '@rig-ts/schema-gen';
import { describe, expect, it } from 'vitest';

const app = fileURLToPath(new URL('..', import.meta.url));

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (run `pnpm schemas` after changing the types)', () => {
    const { code, schemas } = generateSchemas({ files: ['src/schemas.ts'], output: 'src/schemas.gen.ts', cwd: app });
    expect(schemas.map((schema) => schema.typeName)).toEqual(['SentimentAnalysis']);
    expect(readFileSync(new URL('schemas.gen.ts', import.meta.url), 'utf8')).toBe(code);
  });
});
