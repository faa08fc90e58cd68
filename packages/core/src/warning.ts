/** A request setting the provider could not honour; the call went ahead without it. */
export type Warning =
  | { type: 'unsupported'; feature: string; details?: string }
  | { type: 'other'; message: string };
