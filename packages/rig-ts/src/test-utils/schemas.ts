// The README's SentimentAnalysis; `schemas.gen.ts` is generated with
// `rig-schema src/test-utils/schemas.ts -o src/test-utils/schemas.gen.ts`.
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
