// The shapes the demos ask for (`SentimentAnalysis` is rig-ts's typed-output example). `schemas.gen.ts` is generated from this file by rig-schema
// (`pnpm --filter @rig-ts/chat-app schemas`); a test fails when it is out of date.

/** The sentiment of a text. */
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

/** The arguments of the `weather` tool. */
export interface WeatherQuery {
  /** The city, e.g. Paris */
  city: string;
}

/** The arguments of the `calculator` tool. */
export interface Calculation {
  /** The arithmetic operation */
  operation: 'add' | 'subtract' | 'multiply' | 'divide';
  /** The left operand */
  a: number;
  /** The right operand */
  b: number;
}
