// The types rig-ts's own tests prompt with; `schemas.gen.ts` is generated from this file when the package builds
// (`rig-schema src/schemas.ts -o src/schemas.gen.ts`, then `tsc`), so it is never checked in and never stale.

/** The sentiment of a text: rig-ts's typed-output example. */
export interface SentimentAnalysis {
  /**
   * The sentiment score from -1.0 to 1.0
   * @minimum -1
   * @maximum 1
   */
  score: number;
  /** The sentiment label */
  label: string;
}

/** Arguments of the weather tool. */
export interface WeatherArguments {
  /** The city to look up */
  city: string;
  /** The unit of the temperature */
  unit?: 'celsius' | 'fahrenheit';
}
