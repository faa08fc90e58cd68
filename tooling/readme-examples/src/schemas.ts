// The schema of the agent README's example, as its `src/schemas.ts`. `schemas.gen.ts` is generated from this file by
// rig-schema (`pnpm --filter @rig-ts/readme-examples schemas`); a test fails when it is out of date.
/** The arguments of the weather tool. */
export interface WeatherQuery {
  /** The city, e.g. Paris */
  city: string;
}
