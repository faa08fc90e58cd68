/** The simulated token count of `characters` characters: one token per 4 characters, rounded up. */
export function estimateTokens(characters: number): number {
  return Math.ceil(characters / 4);
}
