/**
 * The message of the `request` error a call without an API key fails with: the one wording of every provider, naming
 * the client option and the environment variables the key is read from.
 */
export function missingApiKeyMessage(provider: string, variables: readonly string[]): string {
  const where = variables.length === 0 ? '' : ` or set the ${variables.join(' or ')} environment variable`;
  return `${provider} API key is missing: pass it as the apiKey option${where}`;
}
