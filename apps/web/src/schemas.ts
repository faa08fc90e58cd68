// The typed-output demo's shape (`SentimentAnalysis`, rig-ts's typed-output example). `schemas.gen.ts` is generated from this file by
// rig-schema (`pnpm --filter @rig-ts/web-app schemas`); a test fails when it is out of date.

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
