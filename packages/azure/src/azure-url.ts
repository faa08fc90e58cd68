/** The path (below the `/openai` prefix) of an Azure OpenAI endpoint, with its `api-version`. */
export function azurePath(
  endpoint: '/responses' | '/chat/completions',
  deployment: string,
  apiVersion: string,
  useDeploymentBasedUrls: boolean,
): string {
  const query = `?api-version=${encodeURIComponent(apiVersion)}`;
  return useDeploymentBasedUrls
    ? `/deployments/${encodeURIComponent(deployment)}${endpoint}${query}`
    : `/v1${endpoint}${query}`;
}
