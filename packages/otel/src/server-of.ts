/** The `server.address` and `server.port` of a model's endpoint. */
export interface ServerAttributes {
  address: string;
  port: number;
}

const DEFAULT_PORTS: ReadonlyMap<string, number> = new Map([
  ['https:', 443],
  ['http:', 80],
]);

/**
 * The host and port of `url` (the port the scheme implies when none is written). Only these two are kept: user
 * names, passwords, paths and query strings never reach an attribute.
 */
export function serverOf(url: string | URL): ServerAttributes {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    throw new TypeError(
      "serverURL must be an absolute URL such as https://api.openai.com/v1 (the base URL of the model's client)",
    );
  }
  const port = parsed.port === '' ? DEFAULT_PORTS.get(parsed.protocol) : Number(parsed.port);
  if (parsed.hostname === '' || port === undefined)
    throw new TypeError(`serverURL must be an http or https URL with a host, got the scheme ${parsed.protocol}`);
  return { address: parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname, port };
}
