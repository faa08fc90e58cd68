import { OLLAMA_DEFAULTS } from './ollama-settings.js';

/**
 * An OLLAMA_HOST value → a base URL, as Ollama's own clients read it: `host`, `host:port`, `:port` or a URL;
 * `http://` and port 11434 when the value names no scheme; a trailing slash dropped.
 */
export function normalizeOllamaHost(host: string): string {
  let value = host.trim();
  const hasScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(value);
  if (!hasScheme) value = `http://${value.startsWith(':') ? '127.0.0.1' : ''}${value}`;
  const url = new URL(value);
  const port = url.port || (hasScheme ? '' : String(OLLAMA_DEFAULTS.port));
  return `${url.protocol}//${url.hostname}${port ? `:${port}` : ''}${url.pathname.replace(/\/+$/, '')}`;
}
