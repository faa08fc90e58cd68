// The schema of the agent README's example, as its `src/schemas.ts`. `schemas.gen.ts` is generated from this file by
// rig-schema when this package builds (`pnpm --filter @rig-ts/readme-examples build`); it is not checked in.
/** The arguments of the weather tool. */
export interface WeatherQuery {
  /** The city, e.g. Paris */
  city: string;
}
