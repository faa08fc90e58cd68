/**
 * Asks an Ollama server for its installed models (`GET /api/tags`); `undefined` when nothing answers within
 * `timeoutMs` or the answer is not Ollama's.
 */
export async function probeOllama(url: string, timeoutMs = 500): Promise<string[] | undefined> {
  try {
    const response = await fetch(`${url}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { models?: { name?: unknown }[] };
    if (!Array.isArray(body.models)) return undefined;
    return body.models.flatMap((model) => (typeof model.name === 'string' ? [model.name] : []));
  } catch {
    return undefined;
  }
}
